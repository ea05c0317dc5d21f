/* Bengal default theme: dark-mode toggle, sidebar drawer and tree toggles, table of
   contents scroll-spy, tabs, copy buttons on code, the search box (bengal/search.js is
   loaded on first use), and KaTeX or Mermaid on the pages that need them. No dependencies;
   every part does nothing when its markup is absent. */
(function () {
  "use strict";
  var doc = document, root = doc.documentElement;
  var dark = window.matchMedia("(prefers-color-scheme: dark)");

  function store(key, value) {
    try {
      if (value === undefined) return localStorage.getItem(key);
      localStorage.setItem(key, value);
    } catch (e) { /* storage may be off: the choice lasts for this page only */ }
    return null;
  }
  function all(selector, scope) { return Array.prototype.slice.call((scope || doc).querySelectorAll(selector)); }
  function svg(path) {
    return '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="' + path + '"/></svg>';
  }

  /* Light and dark: the system's choice until the toggle stores one. */
  function scheme() { return root.dataset.theme || (dark.matches ? "dark" : "light"); }
  function initTheme() {
    var button = doc.querySelector(".theme-toggle");
    if (!button) return;
    var sync = function () { button.setAttribute("aria-pressed", String(scheme() === "dark")); };
    button.addEventListener("click", function () {
      var next = scheme() === "dark" ? "light" : "dark";
      root.dataset.theme = next;
      store("bengal-theme", next);
      sync();
      doc.dispatchEvent(new CustomEvent("bengal:theme", { detail: next }));
    });
    if (dark.addEventListener) dark.addEventListener("change", sync);
    sync();
  }

  /* The sidebar: a drawer on narrow screens, and a toggle on every open branch of the tree. */
  function initSidebar() {
    var sidebar = doc.getElementById("sidebar"), button = doc.querySelector(".menu-toggle");
    if (sidebar && button) {
      var setOpen = function (open) {
        sidebar.classList.toggle("open", open);
        button.setAttribute("aria-expanded", String(open));
      };
      button.addEventListener("click", function () {
        var open = button.getAttribute("aria-expanded") !== "true";
        setOpen(open);
        if (open) {
          var current = sidebar.querySelector("[aria-current]") || sidebar.querySelector("a");
          if (current) current.focus();
        }
      });
      doc.addEventListener("keydown", function (e) {
        if (e.key === "Escape" && sidebar.classList.contains("open")) { setOpen(false); button.focus(); }
      });
      doc.addEventListener("click", function (e) {
        if (sidebar.classList.contains("open") && !sidebar.contains(e.target) && !button.contains(e.target)) setOpen(false);
      });
    }
    all("nav.tree li").forEach(function (li, i) {
      var list = li.querySelector(":scope > ul"), link = li.querySelector(":scope > a");
      if (!list || !link) return;
      list.id = list.id || "tree-" + i;
      var toggle = doc.createElement("button");
      toggle.type = "button";
      toggle.className = "tree-toggle";
      toggle.setAttribute("aria-expanded", "true");
      toggle.setAttribute("aria-controls", list.id);
      toggle.setAttribute("aria-label", "Pages of " + link.textContent);
      toggle.innerHTML = svg("M6 9l6 6 6-6");
      toggle.addEventListener("click", function () {
        var open = toggle.getAttribute("aria-expanded") !== "true";
        toggle.setAttribute("aria-expanded", String(open));
        list.hidden = !open;
      });
      li.insertBefore(toggle, list);
    });
  }

  /* Table of contents: mark the entry of the section being read. */
  function initToc() {
    var links = all(".toc a[href^='#']");
    var targets = links.map(function (a) { return doc.getElementById(decodeURIComponent(a.hash.slice(1))); });
    if (!links.length) return;
    var current = null, queued = false;
    function update() {
      queued = false;
      var offset = parseFloat(getComputedStyle(root).scrollPaddingTop) || 80, active = null;
      for (var i = 0; i < targets.length; i++) {
        if (targets[i] && targets[i].getBoundingClientRect().top <= offset + 8) active = links[i];
      }
      if (!active) active = links[0];
      // At the very bottom the last headings may never reach the top: mark the last one.
      if (window.innerHeight + window.scrollY >= root.scrollHeight - 2) active = links[links.length - 1];
      if (active === current) return;
      if (current) { current.classList.remove("active"); current.removeAttribute("aria-current"); }
      active.classList.add("active");
      active.setAttribute("aria-current", "location");
      current = active;
    }
    window.addEventListener("scroll", function () {
      if (!queued) { queued = true; window.requestAnimationFrame(update); }
    }, { passive: true });
    update();
  }

  /* Tabs: click or arrow keys; tabs with the same data-sync key follow each other across the
     page, and the last choice is remembered for the next pages. */
  var TAB_KEY = "bengal-tabs";
  function tabsOf(set) { return all(":scope > .tab-list > [role=tab]", set); }
  function selectTab(tab) {
    var set = tab.closest(".tab-set");
    if (!set) return;
    tabsOf(set).forEach(function (t) {
      var on = t === tab, panel = doc.getElementById(t.getAttribute("aria-controls"));
      t.setAttribute("aria-selected", String(on));
      if (on) t.removeAttribute("tabindex"); else t.setAttribute("tabindex", "-1");
      if (panel) panel.hidden = !on;
    });
  }
  function selectSynced(key) {
    all(".tab-set [role=tab][data-sync]").forEach(function (t) {
      if (t.dataset.sync === key) selectTab(t);
    });
  }
  function remembered() {
    try { return JSON.parse(store(TAB_KEY) || "[]"); } catch (e) { return []; }
  }
  function initTabs() {
    var sets = all(".tab-set");
    if (!sets.length) return;
    sets.forEach(function (set) {
      var tabs = tabsOf(set);
      tabs.forEach(function (tab, i) {
        tab.addEventListener("click", function () {
          selectTab(tab);
          if (tab.dataset.sync) {
            var key = tab.dataset.sync, top = tab.getBoundingClientRect().top;
            selectSynced(key);
            store(TAB_KEY, JSON.stringify([key].concat(remembered().filter(function (k) { return k !== key; })).slice(0, 8)));
            // Other sets above may have changed height: keep the clicked tab where it was.
            window.scrollBy(0, tab.getBoundingClientRect().top - top);
          }
        });
        tab.addEventListener("keydown", function (e) {
          var n = tabs.length, j = null;
          if (e.key === "ArrowRight" || e.key === "ArrowDown") j = (i + 1) % n;
          else if (e.key === "ArrowLeft" || e.key === "ArrowUp") j = (i - 1 + n) % n;
          else if (e.key === "Home") j = 0;
          else if (e.key === "End") j = n - 1;
          if (j === null) return;
          e.preventDefault();
          tabs[j].focus();
          tabs[j].click();
        });
      });
    });
    // The most recent remembered key that a set has wins, set by set.
    var keys = remembered();
    sets.forEach(function (set) {
      var tabs = tabsOf(set);
      for (var k = 0; k < keys.length; k++) {
        var hit = tabs.filter(function (t) { return t.dataset.sync === keys[k]; })[0];
        if (hit) { selectTab(hit); return; }
      }
    });
  }

  /* A copy button on every highlighted block; line numbers are left out of the copy. */
  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
    return new Promise(function (resolve, reject) {
      var area = doc.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      doc.body.appendChild(area);
      area.select();
      var ok = doc.execCommand("copy");
      area.remove();
      if (ok) resolve(); else reject(new Error("copy refused"));
    });
  }
  function initCopy() {
    var blocks = all(".highlight");
    if (!blocks.length) return;
    var live = doc.createElement("div");  // tells screen readers that the copy happened
    live.className = "visually-hidden";
    live.setAttribute("aria-live", "polite");
    doc.body.appendChild(live);
    blocks.forEach(function (block) {
      var code = block.querySelector("pre");
      if (!code) return;
      var button = doc.createElement("button");
      button.type = "button";
      button.className = "copy";
      button.textContent = "Copy";
      button.setAttribute("aria-label", "Copy code");
      button.addEventListener("click", function () {
        var clone = code.cloneNode(true);
        all(".ln", clone).forEach(function (n) { n.remove(); });
        copyText(clone.textContent.replace(/\n$/, "")).then(function () {
          button.textContent = live.textContent = "Copied";
          button.classList.add("done");
        }, function () {
          button.textContent = live.textContent = "Copy failed";
        }).then(function () {
          setTimeout(function () {
            button.textContent = "Copy";
            live.textContent = "";
            button.classList.remove("done");
          }, 1600);
        });
      });
      block.appendChild(button);
    });
  }

  /* Search: the box is wired here; the engine is loaded the first time it is wanted. */
  function initSearch() {
    var input = doc.getElementById("search-input");
    if (!input) return;
    var loading = null;
    function load() {
      if (loading) return loading;
      loading = new Promise(function (resolve, reject) {
        var s = doc.createElement("script");
        s.src = input.dataset.script;
        s.onload = resolve;
        s.onerror = reject;
        doc.head.appendChild(s);
      });
      return loading;
    }
    input.addEventListener("focus", load, { once: true });
    doc.addEventListener("keydown", function (e) {
      if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
      var t = e.target;
      if (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName)) return;
      e.preventDefault();
      input.focus();
    });
  }

  /* Math (KaTeX) and diagrams (Mermaid), only where the page has them. */
  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var s = doc.createElement("script");
      s.src = src; s.onload = resolve; s.onerror = reject;
      doc.head.appendChild(s);
    });
  }
  function initMath() {
    var base = doc.body.dataset.katex;
    if (!base) return;
    if (base.slice(-1) !== "/") base += "/";
    var css = doc.createElement("link");
    css.rel = "stylesheet";
    css.href = base + "katex.min.css";
    doc.head.appendChild(css);
    loadScript(base + "katex.min.js").then(function () {
      all(".math").forEach(function (el) {
        var display = el.classList.contains("math-display");
        var tex = el.textContent.trim().replace(/^\\[([]/, "").replace(/\\[)\]]$/, "");
        try {
          window.katex.render(tex, el, { displayMode: display, throwOnError: false });
        } catch (e) { /* the TeX source stays visible */ }
      });
    }, function () { /* offline: the TeX source stays visible */ });
  }
  function initMermaid() {
    var src = doc.body.dataset.mermaid;
    if (!src) return;
    var sources = all("pre.mermaid").map(function (el) { return el.textContent; });
    import(src).then(function (module) {
      var mermaid = module.default || window.mermaid;
      var draw = function () {
        all("pre.mermaid").forEach(function (el, i) {
          el.removeAttribute("data-processed");
          el.textContent = sources[i];
        });
        mermaid.initialize({ startOnLoad: false, theme: scheme() === "dark" ? "dark" : "default" });
        mermaid.run({ querySelector: "pre.mermaid" });
      };
      draw();
      doc.addEventListener("bengal:theme", draw);
    }, function () { /* offline: the diagram's source stays visible */ });
  }

  /* Printing shows every tab and every dropdown. */
  function initPrint() {
    var opened = [];
    window.addEventListener("beforeprint", function () {
      opened = all("details:not([open])");
      opened.forEach(function (d) { d.open = true; });
    });
    window.addEventListener("afterprint", function () {
      opened.forEach(function (d) { d.open = false; });
    });
  }

  [initTheme, initSidebar, initToc, initTabs, initCopy, initSearch, initMath, initMermaid, initPrint].forEach(function (f) {
    try { f(); } catch (e) { if (window.console) console.error("bengal theme:", f.name, e); }
  });
})();
