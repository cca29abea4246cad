// irbook: small additions on top of pages that work without JavaScript.
// Checklist ticks and task boxes are kept in localStorage; search reads search-index.js and
// the shards it names;
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
      // An ASCII letter folds to its lower case alone: the slower fold for the others only.
      var f = c < "\u0080" ? c.toLowerCase() : fold(c);
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

  // The search index (search-index.js, made by irbook): a dictionary of every word, and shards
  // of postings (which documents have a word) and of documents (kind, title, address, text),
  // each loaded by a <script> element when a search needs it, which works from file:// too. A
  // small index is loaded whole with the page; handbook-offline.html has every shard inline.
  // Shards already loaded answer at once, so a search of a small handbook is synchronous.
  var SHARD_BUDGET = 768 * 1024; // bytes of postings one search may load; more: "type more"
  var shardData = {};
  var shardWaiting = {};
  window.IRBOOK_SEARCH_SHARD = function (version, name, data) {
    var waiting = shardWaiting[name] || [];
    delete shardWaiting[name];
    var ok = version === window.IRBOOK_SEARCH.version;
    if (ok) { shardData[name] = data; }
    waiting.forEach(function (w) { (ok ? w.done : w.fail)(); });
  };

  function searchIndex(dictionary) {
    var own = document.querySelector("script[src$='search-index.js']");
    var base = own ? new URL("search/", own.src).href : "search/";
    Object.keys(dictionary.shards || {}).forEach(function (name) { shardData[name] = dictionary.shards[name]; });
    // Words are written as in the text with ASCII in lower case, which is what fold() makes of
    // ASCII: only the others are folded here.
    var terms = dictionary.terms.split(" ").map(function (t) { return /[^\x00-\x7f]/.test(t) ? fold(t) : t; });
    function shardOf(starts, n) {
      var lo = 0, hi = starts.length;
      while (lo < hi) { var mid = (lo + hi) >> 1; if (starts[mid] <= n) { lo = mid + 1; } else { hi = mid; } }
      return lo;
    }
    function fetchShard(name, done, fail) {
      var first = !shardWaiting[name];
      shardWaiting[name] = (shardWaiting[name] || []).concat([{ done: done, fail: fail }]);
      if (!first) { return; }
      var script = document.createElement("script");
      script.src = base + name + ".js";
      script.onerror = function () {
        var waiting = shardWaiting[name] || [];
        delete shardWaiting[name];
        waiting.forEach(function (w) { w.fail(); });
      };
      document.head.appendChild(script);
    }
    // Calls `then` once every shard of `names` is here: at once where they all are, else
    // after `wait` lets the loading start (it may drop a search that typing has replaced).
    function need(names, then, fail, wait) {
      var missing = names.filter(function (n) { return !(n in shardData); });
      var left = missing.length;
      var failed = false;
      if (left === 0) { then(); return; }
      (wait || function (go) { go(); })(function () {
        missing.forEach(function (n) {
          fetchShard(n, function () { if (--left === 0 && !failed) { then(); } }, function () {
            if (!failed) { failed = true; fail(); }
          });
        });
      });
    }
    if (dictionary.preload) {
      var every = dictionary.tsizes.map(function (_, k) { return "t" + k; });
      for (var k = 0; k <= dictionary.docs.length; k++) { every.push("d" + k); }
      need(every, function () {}, function () {});
    }
    // The documents with every word (each a part of a word of the document's title or text),
    // those with the first word in their title first, each part in the index's order; `null`
    // where that would load more than SHARD_BUDGET.
    function find(words, then, fail, wait) {
      var matching = words.map(function (w) {
        var found = [];
        terms.forEach(function (t, i) { if (t.indexOf(w) >= 0) { found.push(i); } });
        return found;
      });
      if (matching.some(function (m) { return m.length === 0; })) { then([]); return; }
      var shards = {};
      matching.forEach(function (m) { m.forEach(function (i) { shards[shardOf(dictionary.tshards, i)] = true; }); });
      var needed = Object.keys(shards).map(function (k) { return "t" + k; });
      var bytes = needed.reduce(function (sum, name) {
        return sum + (name in shardData ? 0 : dictionary.tsizes[+name.slice(1)]);
      }, 0);
      if (bytes > SHARD_BUDGET) { then(null); return; }
      need(needed, function () {
        var sets = matching.map(function (m) {
          var docs = new Map();
          m.forEach(function (i) {
            var k = shardOf(dictionary.tshards, i);
            var doc = 0;
            shardData["t" + k][i - (k === 0 ? 0 : dictionary.tshards[k - 1])].forEach(function (v) {
              doc += v >> 1;
              docs.set(doc, (docs.get(doc) || 0) | (v & 1));
            });
          });
          return docs;
        });
        var inTitle = [];
        var other = [];
        sets[0].forEach(function (title, doc) {
          if (sets.every(function (s) { return s.has(doc); })) { (title ? inTitle : other).push(doc); }
        });
        var order = function (a, b) { return a - b; };
        then(inTitle.sort(order).concat(other.sort(order)));
      }, fail, wait);
    }
    // The entries of these documents: { kind, title, url, text }.
    function entries(docs, then, fail, wait) {
      var shards = {};
      docs.forEach(function (d) { shards["d" + shardOf(dictionary.docs, d)] = true; });
      need(Object.keys(shards), function () {
        then(docs.map(function (d) {
          var k = shardOf(dictionary.docs, d);
          var record = shardData["d" + k][d - (k === 0 ? 0 : dictionary.docs[k - 1])];
          return { kind: dictionary.kinds[record[0]], title: record[1], url: record[2], text: record[3] };
        }));
      }, fail, wait);
    }
    return { find: find, entries: entries };
  }

  function search() {
    var input = document.getElementById("q");
    var results = document.getElementById("search-results");
    if (!input || !results || !window.IRBOOK_SEARCH) { return; }
    var all = document.getElementById("search-all");
    var empty = document.getElementById("search-empty");
    var status = document.getElementById("search-status");
    var index = searchIndex(window.IRBOOK_SEARCH);
    var latest = 0;
    function say(text) {
      if (!status) { return; }
      status.textContent = text || "";
      status.hidden = !text;
    }
    function show(words, hits) {
      results.textContent = "";
      hits.forEach(function (entry) {
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
    // `typing`: shards are loaded only once the typing has paused, so that "r", "ra", "ran"
    // on the way to "ransomware" load nothing.
    function run(typing) {
      var words = fold(input.value).split(/\s+/).filter(Boolean);
      var asked = ++latest;
      function wait(go) {
        setTimeout(function () { if (asked === latest) { go(); } }, typing === true ? 200 : 0);
      }
      if (all) { all.hidden = words.length > 0; }
      say("");
      if (words.length === 0) { show(words, []); return; }
      function failed() {
        if (asked === latest) { say(status && status.getAttribute("data-failed")); }
      }
      index.find(words, function (docs) {
        if (asked !== latest) { return; }
        if (docs === null) {
          show([], []);
          say(status && status.getAttribute("data-more"));
          return;
        }
        index.entries(docs.slice(0, 50), function (hits) {
          if (asked === latest) { show(words, hits); }
        }, failed, wait);
      }, failed, wait);
    }
    var query = new URLSearchParams(window.location.search).get("q");
    if (query) { input.value = query; }
    input.addEventListener("input", function () { run(true); });
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
