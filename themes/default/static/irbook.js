// irbook: small additions on top of pages that work without JavaScript.
// Checklist ticks and task boxes are kept in localStorage; search filters search-index.js;
// messages get a copy button.
(function () {
  "use strict";
  // This script's own element, to find sw.js beside its folder (empty src where inline).
  var ownScript = document.currentScript;

  function store(key, value) {
    try {
      if (value === undefined) { return window.localStorage.getItem(key); }
      if (value === null) { window.localStorage.removeItem(key); } else { window.localStorage.setItem(key, value); }
    } catch (e) { return null; }
    return null;
  }

  function checklists() {
    document.querySelectorAll(".checklist[data-plan]").forEach(function (list) {
      // Keyed by the page's own address too: two handbooks opened from disk share storage.
      var prefix = "irbook:" + window.location.pathname + ":" + list.getAttribute("data-plan") + ":";
      var boxes = list.querySelectorAll("input[type=checkbox][data-step]");
      function mark(box) {
        var row = box.closest("tr");
        if (row) { row.classList.toggle("done", box.checked); }
      }
      boxes.forEach(function (box) {
        box.checked = store(prefix + box.getAttribute("data-step")) === "1";
        mark(box);
        box.addEventListener("change", function () {
          store(prefix + box.getAttribute("data-step"), box.checked ? "1" : null);
          mark(box);
        });
      });
      list.querySelectorAll(".js-only").forEach(function (el) { el.hidden = false; });
      var reset = list.querySelector("button.reset");
      if (reset) {
        // One tap must not wipe a checklist: ask first (in the button's own words), and offer
        // to put the ticks back. Listening on the list in the capture phase runs before any
        // other script's handler on the button, so a "no" stops them too.
        var undo = document.createElement("button");
        undo.type = "button";
        undo.className = "undo";
        undo.hidden = true;
        undo.textContent = reset.getAttribute("data-undo-label") || "\u21B6";
        reset.insertAdjacentElement("afterend", undo);
        var before = [];
        list.addEventListener("click", function (event) {
          if (event.target !== reset) { return; }
          var ticked = Array.prototype.filter.call(boxes, function (box) { return box.checked; });
          if (ticked.length === 0) { return; }
          if (!window.confirm(reset.getAttribute("data-confirm") || reset.textContent + "?")) {
            event.stopPropagation();
            event.preventDefault();
            return;
          }
          before = ticked;
          boxes.forEach(function (box) { box.checked = false; store(prefix + box.getAttribute("data-step"), null); mark(box); });
          undo.hidden = false;
          undo.focus();
        }, true);
        undo.addEventListener("click", function () {
          // Marked as an undo, so that incident.js puts back each tick's own time and initials
          // instead of recording the time of the undo.
          before.forEach(function (box) {
            box.checked = true;
            box.dispatchEvent(new CustomEvent("change", { bubbles: true, detail: { undo: true } }));
          });
          before = [];
          undo.hidden = true;
          reset.focus();
        });
        boxes.forEach(function (box) {
          box.addEventListener("change", function (event) { if (event.isTrusted) { undo.hidden = true; } });
        });
      }
    });
  }

  function taskLists() {
    var page = "irbook:tasks:" + window.location.pathname + ":";
    document.querySelectorAll("input.task").forEach(function (box, i) {
      var saved = store(page + i);
      if (saved !== null) { box.checked = saved === "1"; }
      box.addEventListener("change", function () { store(page + i, box.checked ? "1" : "0"); });
    });
  }

  function copyButtons() {
    if (!navigator.clipboard) { return; }
    document.querySelectorAll(".copyable").forEach(function (el) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "copy";
      // The word is the theme's, in the handbook's language (base.html puts it on <body>).
      button.textContent = document.body.getAttribute("data-copy-label") || "⧉";
      button.addEventListener("click", function () {
        navigator.clipboard.writeText(el.textContent).then(function () { button.textContent = "✓"; });
      });
      el.insertAdjacentElement("afterend", button);
    });
  }

  // Letters that compatibility decomposition leaves alone, written as a reader without them
  // on the keyboard would: ß as ss (so "Straße" finds "STRASSE"), æ as ae, ø as o.
  var FOLD = { "ß": "ss", "æ": "ae", "ø": "o", "œ": "oe", "đ": "d", "ł": "l", "þ": "th", "ı": "i" };

  // Text as search compares it: lower case (not locale-dependent, so a Turkish browser does
  // not change "I"), compatibility forms and accents taken off (é as e, ü as u, å as a, "ﬁ" as
  // fi), then the letters above. The index and the query go through the same function.
  function fold(text) {
    return text.toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "")
      .replace(/[ßæøœđłþı]/g, function (c) { return FOLD[c]; });
  }

  // The words around the first place where a searched word is in `text`, the word marked.
  // Folding can change a letter's length (ß as ss), so the text is folded letter by letter,
  // remembering where each folded letter came from.
  function snippet(text, words) {
    var folded = "";
    var from = [];
    Array.from(text).forEach(function (c, i) {
      var f = fold(c);
      for (var k = 0; k < f.length; k++) { from.push(i); }
      folded += f;
    });
    var chars = Array.from(text);
    var best = -1;
    var word = "";
    words.forEach(function (w) {
      var at = folded.indexOf(w);
      if (at >= 0 && (best < 0 || at < best)) { best = at; word = w; }
    });
    if (best < 0) { return null; }
    var start = from[best];
    var end = from[best + word.length - 1] + 1;
    var before = Math.max(0, start - 60);
    var after = Math.min(chars.length, end + 100);
    var p = document.createElement("p");
    p.className = "snippet muted";
    var mark = document.createElement("mark");
    mark.textContent = chars.slice(start, end).join("");
    p.appendChild(document.createTextNode((before > 0 ? "… " : "") + chars.slice(before, start).join("")));
    p.appendChild(mark);
    p.appendChild(document.createTextNode(chars.slice(end, after).join("") + (after < chars.length ? " …" : "")));
    return p;
  }

  function search() {
    var input = document.getElementById("q");
    var results = document.getElementById("search-results");
    if (!input || !results || !window.IRBOOK_SEARCH) { return; }
    var all = document.getElementById("search-all");
    var empty = document.getElementById("search-empty");
    var entries = window.IRBOOK_SEARCH.map(function (entry) {
      return { entry: entry, title: fold(entry.title), hay: fold(entry.title + " " + entry.text) };
    });
    function run() {
      var words = fold(input.value).split(/\s+/).filter(Boolean);
      results.textContent = "";
      all.hidden = words.length > 0;
      var hits = entries.filter(function (e) {
        return words.length > 0 && words.every(function (w) { return e.hay.indexOf(w) >= 0; });
      });
      hits.sort(function (a, b) {
        var w = words[0] || "";
        return (b.title.indexOf(w) >= 0) - (a.title.indexOf(w) >= 0);
      });
      hits.slice(0, 50).forEach(function (hit) {
        var entry = hit.entry;
        var li = document.createElement("li");
        var tag = document.createElement("span");
        tag.className = "tag";
        tag.textContent = entry.kind;
        var a = document.createElement("a");
        a.href = entry.url;
        a.textContent = entry.title;
        li.appendChild(tag);
        li.appendChild(document.createTextNode(" "));
        li.appendChild(a);
        var found = snippet(entry.text || "", words);
        if (found) { li.appendChild(found); }
        results.appendChild(li);
      });
      empty.hidden = words.length === 0 || hits.length > 0;
    }
    var query = new URLSearchParams(window.location.search).get("q");
    if (query) { input.value = query; }
    input.addEventListener("input", run);
    document.querySelectorAll(".no-js-note").forEach(function (el) { el.hidden = true; });
    run();
  }

  // The service worker keeps the whole handbook on the device (sw.js). Registered only when the
  // site is served over http(s): never from file://, inline in handbook-offline.html, nor in
  // `irbook serve`'s preview. "Available offline" shows once it is active.
  function offline() {
    if (!ownScript || !ownScript.src || !/^https?:$/.test(window.location.protocol) || !("serviceWorker" in navigator)) { return; }
    if (document.querySelector("script[src^='/__irbook/']")) { return; }
    var line = document.getElementById("irbook-offline");
    navigator.serviceWorker.register(new URL("../sw.js", ownScript.src).href, { updateViaCache: "none" })
      .then(function () { return navigator.serviceWorker.ready; })
      .then(function () { if (line) { line.hidden = false; } }, function () {});
  }

  // "/" goes to the search box in the header (or the search page's own), as on many sites;
  // not while typing in a field, and not with a modifier key held.
  function searchShortcut() {
    var box = document.getElementById("site-q") || document.getElementById("q");
    if (!box) { return; }
    document.addEventListener("keydown", function (event) {
      if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) { return; }
      var at = event.target;
      if (at && (at.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(at.tagName))) { return; }
      event.preventDefault();
      box.focus();
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    searchShortcut();
    offline();
    checklists();
    taskLists();
    copyButtons();
    search();
  });
})();
