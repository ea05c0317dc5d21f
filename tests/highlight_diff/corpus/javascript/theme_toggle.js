/* Light/dark theme toggle that remembers the reader's choice. */
(function () {
  var STORAGE_KEY = "bengal-theme";
  var root = document.documentElement;
  var media = window.matchMedia("(prefers-color-scheme: dark)");

  function stored() {
    try {
      return localStorage.getItem(STORAGE_KEY);
    } catch (e) {
      return null; // storage can be disabled
    }
  }

  function apply(theme) {
    var dark = theme === "dark" || (theme == null && media.matches);
    root.setAttribute("data-theme", dark ? "dark" : "light");
    var button = document.querySelector(".theme-toggle");
    if (button) {
      button.setAttribute("aria-pressed", String(dark));
      button.title = dark ? "Switch to light theme" : "Switch to dark theme";
    }
  }

  function toggle() {
    var next = root.getAttribute("data-theme") === "dark" ? "light" : "dark";
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch (e) {
      /* ignore */
    }
    apply(next);
  }

  apply(stored());
  media.addEventListener("change", function () {
    if (!stored()) apply(null);
  });
  document.addEventListener("click", function (event) {
    if (event.target.closest && event.target.closest(".theme-toggle")) {
      toggle();
    }
  });
  window.bengalTheme = { apply: apply, toggle: toggle, version: 0x0102 };
})();
