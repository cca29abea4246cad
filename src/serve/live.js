// irbook serve: live reload and the problems overlay. Served only by `irbook serve`; the
// built site on disk never loads it. Every word it shows comes from the server.
(function () {
  "use strict";
  var script = document.currentScript;
  var generation = new URL(script.src).searchParams.get("g") || "0";
  var scrollKey = "irbook-live-scroll:" + location.pathname;
  var OVERLAY = "irbook-live-problems";

  var saved = sessionStorage.getItem(scrollKey);
  if (saved !== null) {
    sessionStorage.removeItem(scrollKey);
    var restore = function () { window.scrollTo(0, Number(saved)); };
    restore();
    window.addEventListener("load", restore);
  }

  function reload() {
    sessionStorage.setItem(scrollKey, String(window.scrollY));
    location.reload();
  }

  // The site paths of everything this page loaded: style sheets, scripts, images, data.
  function resources() {
    var urls = [];
    document.querySelectorAll("link[href], script[src], img[src], object[data], iframe[src]").forEach(function (el) {
      urls.push(el.href || el.src || el.data);
    });
    performance.getEntriesByType("resource").forEach(function (entry) { urls.push(entry.name); });
    return urls.map(function (url) {
      var u = new URL(url, location.href);
      return u.origin === location.origin ? decodeURIComponent(u.pathname).replace(/^\//, "") : "";
    });
  }

  function hide() {
    var old = document.getElementById(OVERLAY);
    if (old) { old.remove(); }
  }

  function show(problems) {
    hide();
    var box = document.createElement("section");
    box.id = OVERLAY;
    box.setAttribute("role", "alert");
    var s = box.style;
    s.position = "fixed"; s.left = "0"; s.right = "0"; s.top = "0"; s.zIndex = "2147483647";
    s.maxHeight = "70vh"; s.overflow = "auto"; s.margin = "0"; s.padding = "1rem";
    s.background = "#fff5f5"; s.color = "#1a1a1a"; s.borderBottom = "4px solid #b00020";
    s.boxShadow = "0 4px 16px rgba(0,0,0,.3)"; s.font = "14px/1.4 system-ui, sans-serif";
    var heading = document.createElement("h2");
    heading.textContent = problems.heading;
    heading.style.margin = "0 0 .5rem"; heading.style.fontSize = "1.1rem"; heading.style.color = "#b00020";
    box.appendChild(heading);
    problems.items.forEach(function (item) {
      var pre = document.createElement("pre");
      pre.className = "irbook-live-problem " + item.severity;
      pre.textContent = item.text;
      pre.style.whiteSpace = "pre-wrap"; pre.style.margin = ".5rem 0"; pre.style.padding = ".5rem";
      pre.style.background = "#fff"; pre.style.border = "1px solid #e0b4b4";
      pre.style.font = "13px/1.35 ui-monospace, monospace";
      box.appendChild(pre);
    });
    document.body.appendChild(box);
  }

  var events = new EventSource("/__irbook/events?g=" + encodeURIComponent(generation) +
    "&page=" + encodeURIComponent(location.pathname));
  events.addEventListener("reload", reload);
  events.addEventListener("changed", function (e) {
    var changed = JSON.parse(e.data);
    if (changed.indexOf("*") >= 0 || resources().some(function (r) { return changed.indexOf(r) >= 0; })) {
      reload();
    }
  });
  events.addEventListener("problems", function (e) { show(JSON.parse(e.data)); });
  events.addEventListener("ok", hide);
})();
