/* Bengal search: queries the index that bengal-index writes under search/ (index.json, the
   term fragments t-HEX.json and the document chunks docs-K.json), fetching only the files a
   query needs and keeping every file it fetched. Loaded by theme.js on the search box's
   first focus. A query is split into terms like the index (lower case, letters and digits,
   two characters or more); every term must match, as a prefix of an indexed term (an exact
   term counts double); results are ranked by the summed score. */
(function () {
  "use strict";
  var doc = document;
  var input = doc.getElementById("search-input"), list = doc.getElementById("search-results");
  if (!input || !list || input.dataset.ready) return;
  input.dataset.ready = "1";
  var base = input.dataset.index || "/search/", MAX = 10, files = {}, seq = 0, active = -1, results = [];

  function fetchJson(name) {
    if (!files[name]) {
      files[name] = fetch(base + name).then(function (r) {
        if (!r.ok) throw new Error(base + name + ": " + r.status);
        return r.json();
      });
      files[name].catch(function () { delete files[name]; });
    }
    return files[name];
  }
  function terms(text) {
    return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(function (t) { return Array.from(t).length >= 2; });
  }
  function hex(key) {
    return Array.from(new TextEncoder().encode(key), function (b) { return (b < 16 ? "0" : "") + b.toString(16); }).join("");
  }

  /* doc id -> score for one query term. */
  function scoresFor(term, index) {
    var keys = index.fragments.filter(function (k) { return k.indexOf(term) === 0 || term.indexOf(k) === 0; });
    return Promise.all(keys.map(function (k) { return fetchJson("t-" + hex(k) + ".json"); })).then(function (parts) {
      var postings = {}, scores = new Map();
      parts.forEach(function (part) {
        Object.keys(part).forEach(function (t) { if (t.indexOf(term) === 0) postings[t] = part[t]; });
      });
      Object.keys(postings).forEach(function (t) {
        var p = postings[t], weight = t === term ? 2 : 1;
        for (var i = 0; i + 1 < p.length; i += 2) scores.set(p[i], (scores.get(p[i]) || 0) + p[i + 1] * weight);
      });
      return scores;
    });
  }

  function search(query) {
    var words = terms(query);
    if (!words.length) return Promise.resolve(null);
    words = words.filter(function (w, i) { return words.indexOf(w) === i; });
    return fetchJson("index.json").then(function (index) {
      return Promise.all(words.map(function (w) { return scoresFor(w, index); })).then(function (per) {
        var total = per[0];
        per.slice(1).forEach(function (s) {
          total.forEach(function (v, id) { if (s.has(id)) total.set(id, v + s.get(id)); else total.delete(id); });
        });
        var top = Array.from(total).sort(function (a, b) { return b[1] - a[1] || a[0] - b[0]; }).slice(0, MAX);
        var size = index.docs_per_chunk || 1, chunks = {};
        top.forEach(function (e) { chunks[Math.floor(e[0] / size)] = true; });
        return Promise.all(Object.keys(chunks).map(function (k) {
          return fetchJson("docs-" + k + ".json").then(function (docs) { chunks[k] = docs; });
        })).then(function () {
          return top.map(function (e) {
            var d = chunks[Math.floor(e[0] / size)][e[0] % size];
            return d ? describe(d, words) : null;
          }).filter(Boolean);
        });
      });
    });
  }

  /* Whether every query word starts some term of text, and how many words do. */
  function matched(text, words) {
    var ts = terms(text);
    return words.filter(function (w) { return ts.some(function (t) { return t.indexOf(w) === 0; }); }).length;
  }
  /* A result: link to the best matching heading unless the title holds every word. */
  function describe(d, words) {
    var url = d.u, heading = null;
    if (matched(d.t || "", words) < words.length) {
      var best = 0;
      (d.h || []).forEach(function (h) {
        var n = matched(h[0], words);
        if (n > best) { best = n; heading = h; }
      });
      if (heading && heading[1]) url = d.u + "#" + heading[1];
    }
    return { title: d.t || d.u, url: url, section: d.s || "", heading: heading && heading[0], excerpt: snippet(d.e || "", words) };
  }
  /* The excerpt from a little before its first match, so the match shows in two lines. */
  function snippet(text, words) {
    var lower = text.toLowerCase(), first = -1;
    words.forEach(function (w) {
      var at = lower.search(new RegExp("(^|[^\\p{L}\\p{N}])" + escape(w), "u"));
      if (at >= 0 && (first < 0 || at < first)) first = at;
    });
    if (first < 60) return text;
    var start = text.lastIndexOf(" ", first - 30);
    return "\u2026" + text.slice(start < 0 ? first - 30 : start + 1);
  }
  function escape(w) { return w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }

  /* Text with the query words marked, as DOM nodes (never as HTML). */
  function highlighted(text, words) {
    var frag = doc.createDocumentFragment();
    var re = new RegExp("(^|[^\\p{L}\\p{N}])(" + words.map(escape).join("|") + ")", "giu");
    var last = 0, m;
    while ((m = re.exec(text))) {
      var start = m.index + m[1].length;
      frag.appendChild(doc.createTextNode(text.slice(last, start)));
      var mark = doc.createElement("mark");
      mark.textContent = m[2];
      frag.appendChild(mark);
      last = start + m[2].length;
      if (m[0].length === 0) re.lastIndex++;
    }
    frag.appendChild(doc.createTextNode(text.slice(last)));
    return frag;
  }
  function span(cls, content) {
    var s = doc.createElement("span");
    s.className = cls;
    if (typeof content === "string") s.textContent = content; else s.appendChild(content);
    return s;
  }

  function show(items, query) {
    var words = terms(query);
    results = items || [];
    active = -1;
    list.textContent = "";
    input.removeAttribute("aria-activedescendant");
    if (items === null) { close(); return; }
    if (!results.length) {
      var li = doc.createElement("li");
      li.className = "r-empty";
      li.setAttribute("role", "presentation");
      li.textContent = "No pages match \u201c" + query.trim() + "\u201d";
      list.appendChild(li);
    }
    results.forEach(function (r, i) {
      var li = doc.createElement("li"), a = doc.createElement("a");
      li.id = "search-result-" + i;
      li.setAttribute("role", "option");
      li.setAttribute("aria-selected", "false");
      a.href = r.url;
      a.tabIndex = -1;
      a.appendChild(span("r-title", highlighted(r.title, words)));
      var where = [r.section, r.heading].filter(Boolean).join(" \u203a ");
      if (where) a.appendChild(span(r.heading ? "r-heading" : "r-section", where));
      if (r.excerpt) a.appendChild(span("r-snippet", highlighted(r.excerpt, words)));
      li.appendChild(a);
      list.appendChild(li);
    });
    list.hidden = false;
    input.setAttribute("aria-expanded", "true");
  }
  function close() {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
  }
  function move(step) {
    if (!results.length) return;
    var items = list.querySelectorAll("[role=option]");
    if (active >= 0) items[active].setAttribute("aria-selected", "false");
    var n = results.length;
    active = active < 0 ? (step > 0 ? 0 : n - 1) : (active + step + n) % n;
    items[active].setAttribute("aria-selected", "true");
    items[active].scrollIntoView({ block: "nearest" });
    input.setAttribute("aria-activedescendant", items[active].id);
  }

  var timer = 0;
  function run() {
    var query = input.value, mine = ++seq;
    search(query).then(function (items) {
      if (mine === seq) show(items, query);
    }, function (err) {
      if (mine !== seq) return;
      show([], query);
      list.firstChild.textContent = "Search is not available (" + err.message + ")";
    });
  }
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(run, 80);
  });
  input.addEventListener("keydown", function (e) {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      if (list.hidden && input.value) { run(); return; }
      move(e.key === "ArrowDown" ? 1 : -1);
    } else if (e.key === "Enter") {
      var r = results[active >= 0 ? active : 0];
      if (r && !list.hidden) { e.preventDefault(); window.location.href = r.url; }
    } else if (e.key === "Escape") {
      if (!list.hidden) { e.preventDefault(); close(); } else if (input.value) { input.value = ""; } else { input.blur(); }
    }
  });
  input.addEventListener("focus", function () { if (input.value && results.length) { list.hidden = false; input.setAttribute("aria-expanded", "true"); } });
  doc.addEventListener("click", function (e) {
    if (!list.hidden && e.target !== input && !list.contains(e.target)) close();
  });
  fetchJson("index.json").catch(function () { /* reported when a query needs it */ });
  if (input.value) run();
})();
