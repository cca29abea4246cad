// irbook incident clocks: on a response plan, "detected at" turns every step's `within` into a
// clock time in the handbook's timezone, marks steps past due, records when a step was ticked
// and exports the log; on the obligations page and the contact sheet, "aware at" turns each
// notification deadline into a date and time, following `after` chains.
// Only adds to pages that work without it. Every word shown comes from the page's JSON island
// (#irbook-incident), in the handbook's language; the clock arithmetic is clock.js.
(function () {
  "use strict";

  var C = window.irbookClock;
  if (!C) { return; }
  var T = C.T;
  var config = C.config;
  var zone = C.zone;
  var dateFormat = C.dateFormat;
  var timeFormat = C.timeFormat;
  var store = C.store;
  var fill = C.fill;
  var element = C.element;
  var parseDuration = C.parseDuration;
  var wall = C.wall;
  var offset = C.offset;
  var fromWall = C.fromWall;
  var add = C.add;
  var parseLocal = C.parseLocal;
  var pad = C.pad;
  var localValue = C.localValue;
  var plainTime = C.plainTime;
  var sameDay = C.sameDay;
  var clock = C.clock;
  var fullClock = C.fullClock;
  var fragment = C.fragment;
  var label = C.label;
  var zoneNote = C.zoneNote;

  // --- Response plans -------------------------------------------------------------------

  function csvField(value) {
    var text = String(value === undefined || value === null ? "" : value);
    // A spreadsheet would run a cell that starts like a formula.
    if (/^[=+\-@\t\r]/.test(text)) { text = "'" + text; }
    return /[",\r\n]/.test(text) ? "\"" + text.replace(/"/g, "\"\"") + "\"" : text;
  }

  function planMode(list) {
    var plan = list.getAttribute("data-plan");
    var key = "irbook:incident:" + window.location.pathname + ":" + plan;
    var initialsKey = "irbook:initials";
    var state = { detected: null, ticks: {} };
    try {
      var saved = JSON.parse(store(key) || "null");
      if (saved && typeof saved === "object") {
        state.detected = typeof saved.detected === "string" ? saved.detected : null;
        state.ticks = saved.ticks && typeof saved.ticks === "object" ? saved.ticks : {};
      }
    } catch (e) { /* a damaged record starts afresh */ }

    var rows = Array.prototype.slice.call(list.querySelectorAll("tr")).filter(function (row) {
      return row.querySelector("input[type=checkbox][data-step]");
    });
    var defaultStart = Date.now();

    function save() { store(key, JSON.stringify(state)); }

    function detected() {
      var at = state.detected ? parseLocal(state.detected) : null;
      return at === null ? defaultStart : at;
    }

    function fromHash() {
      var value = fragment("detected");
      if (value && parseLocal(value) !== null) {
        state.detected = value;
        save();
      }
    }
    fromHash();

    // The panel above the checklist.
    var panel = element("section", "incident-panel no-print");
    panel.setAttribute("aria-label", T.start || "");
    var startLine = element("p", "incident-start");
    var input = element("input");
    input.type = "datetime-local";
    input.id = "incident-detected";
    startLine.appendChild(label(input.id, T.start));
    startLine.appendChild(document.createTextNode(" "));
    startLine.appendChild(input);
    startLine.appendChild(zoneNote());
    panel.appendChild(startLine);

    var next = element("p", "incident-next");
    next.setAttribute("role", "status");
    panel.appendChild(next);

    var initialsLine = element("p", "incident-initials");
    var initials = element("input");
    initials.id = "incident-initials";
    initials.size = 5;
    initials.maxLength = 12;
    initials.autocomplete = "off";
    initials.value = store(initialsKey) || "";
    initialsLine.appendChild(label(initials.id, T.your_initials));
    initialsLine.appendChild(document.createTextNode(" "));
    initialsLine.appendChild(initials);
    panel.appendChild(initialsLine);
    initials.addEventListener("change", function () { store(initialsKey, initials.value.trim()); });

    var actions = element("p", "incident-actions");
    var exportButton = element("button", "incident-export", T.export);
    exportButton.type = "button";
    exportButton.setAttribute("aria-expanded", "false");
    var endButton = element("button", "incident-end", T.end);
    endButton.type = "button";
    // Offered after "End incident": puts the incident back as it was.
    var endUndo = element("button", "incident-undo", T.undo);
    endUndo.type = "button";
    endUndo.hidden = true;
    actions.appendChild(exportButton);
    actions.appendChild(document.createTextNode(" "));
    actions.appendChild(endButton);
    actions.appendChild(document.createTextNode(" "));
    actions.appendChild(endUndo);
    panel.appendChild(actions);

    var exportArea = element("div", "incident-export-area");
    exportArea.hidden = true;
    exportArea.id = "incident-export-area";
    exportButton.setAttribute("aria-controls", exportArea.id);
    var csvLink = element("a", "button incident-csv", T.csv);
    var printButton = element("button", "incident-print", T.print_log);
    printButton.type = "button";
    exportArea.appendChild(csvLink);
    exportArea.appendChild(document.createTextNode(" "));
    exportArea.appendChild(printButton);
    panel.appendChild(exportArea);

    list.parentNode.insertBefore(panel, list);

    var logSection = element("section", "incident-log-print");
    logSection.id = "incident-log-print";
    list.parentNode.insertBefore(logSection, list.nextSibling);

    function stepOf(row) {
      var box = row.querySelector("input[type=checkbox][data-step]");
      var text = function (sel) { var el = row.querySelector(sel); return el ? el.textContent.trim() : ""; };
      var roles = Array.prototype.map.call(row.querySelectorAll(".role > a:first-child"), function (a) { return a.textContent.trim(); });
      var within = parseDuration(row.getAttribute("data-within"));
      return {
        row: row,
        box: box,
        key: box.getAttribute("data-step"),
        number: text(".num"),
        action: text("label"),
        roles: roles.join("; "),
        due: within ? add(detected(), within) : null,
        tick: box.checked ? state.ticks[box.getAttribute("data-step")] || {} : null
      };
    }

    function render() {
      var now = Date.now();
      input.value = localValue(detected());
      var soonest = null;
      rows.forEach(function (row) {
        var step = stepOf(row);
        var cell = row.querySelector("td.due");
        var shown = row.querySelector(".incident-clock");
        if (!shown && cell) {
          shown = element("span", "incident-clock screen-only");
          cell.appendChild(shown);
        }
        var overdue = step.due !== null && !step.tick && step.due < now;
        row.classList.toggle("overdue", overdue);
        if (shown) {
          shown.textContent = "";
          if (step.due !== null) {
            shown.appendChild(element("span", "incident-by", fill(T.by, { time: clock(step.due) })));
          }
          if (overdue) {
            shown.appendChild(element("strong", "incident-overdue", T.overdue));
          }
          if (step.tick && step.tick.at) {
            var done = fill(T.ticked, { time: clock(step.tick.at) }) + (step.tick.by ? " · " + step.tick.by : "");
            shown.appendChild(element("span", "incident-done", done));
          }
        }
        if (step.due !== null && !step.tick && (soonest === null || step.due < soonest.due)) {
          soonest = step;
        }
      });
      next.textContent = "";
      if (soonest) {
        next.appendChild(element("strong", "", T.next + ": "));
        var link = element("a", "", soonest.number + " " + soonest.action);
        link.href = "#" + soonest.row.id;
        next.appendChild(link);
        next.appendChild(document.createTextNode(" · " + fill(T.by, { time: clock(soonest.due) })));
        if (soonest.due < now) {
          next.appendChild(document.createTextNode(" · "));
          next.appendChild(element("strong", "incident-overdue", T.overdue));
        }
      } else {
        next.textContent = T.all_done;
      }
    }

    // The ticked steps in the order they were done, the detection first.
    function logEntries() {
      var start = detected();
      var entries = rows.map(stepOf).filter(function (s) { return s.tick; });
      entries.sort(function (a, b) {
        return (a.tick.at || Infinity) - (b.tick.at || Infinity);
      });
      return { start: start, steps: entries };
    }

    function csv() {
      var log = logEntries();
      var doneHeader = T.done_at + (zone ? " (" + zone + ")" : "");
      var lines = [["#", T.action, T.responsible, T.due, doneHeader, T.initials]];
      lines.push(["", T.start, "", "", plainTime(log.start), ""]);
      log.steps.forEach(function (s) {
        lines.push([s.number, s.action, s.roles, s.due === null ? "" : plainTime(s.due),
          s.tick.at ? plainTime(s.tick.at) : "", s.tick.by || ""]);
      });
      return lines.map(function (line) { return line.map(csvField).join(","); }).join("\r\n") + "\r\n";
    }

    function printableLog() {
      var log = logEntries();
      logSection.textContent = "";
      logSection.appendChild(element("h1", "", T.log));
      var meta = element("p", "", T.plan + ": " + (config.plan || plan) + " · " + T.start + " " + fullClock(log.start) + (zone ? " (" + zone + ")" : ""));
      logSection.appendChild(meta);
      var table = element("table", "form incident-log");
      var head = element("tr");
      [T.date, T.time + (zone ? " (" + zone + ")" : ""), T.who, T.what_happened, T.initials].forEach(function (h) {
        var th = element("th", "", h);
        th.scope = "col";
        head.appendChild(th);
      });
      var thead = element("thead");
      thead.appendChild(head);
      table.appendChild(thead);
      var body = element("tbody");
      function row(ms, who, what, by) {
        var tr = element("tr");
        [ms === null ? "" : dateFormat.format(new Date(ms)), ms === null ? "" : timeFormat.format(new Date(ms)), who, what, by].forEach(function (v) {
          tr.appendChild(element("td", "", v));
        });
        body.appendChild(tr);
      }
      row(log.start, "", T.start, "");
      log.steps.forEach(function (s) { row(s.tick.at || null, s.roles, s.number + " " + s.action, s.tick.by || ""); });
      for (var i = 0; i < 10; i += 1) { row(null, "", "", ""); }
      table.appendChild(body);
      logSection.appendChild(table);
    }

    var csvUrl = null;
    function prepareExport() {
      if (csvUrl) { URL.revokeObjectURL(csvUrl); }
      csvUrl = URL.createObjectURL(new Blob(["\ufeff" + csv()], { type: "text/csv;charset=utf-8" }));
      csvLink.href = csvUrl;
      csvLink.download = "incident-log-" + plan + "-" + localValue(detected()).replace(/:/g, "") + ".csv";
      printableLog();
    }

    exportButton.addEventListener("click", function () {
      prepareExport();
      exportArea.hidden = !exportArea.hidden;
      exportButton.setAttribute("aria-expanded", String(!exportArea.hidden));
    });
    printButton.addEventListener("click", function () {
      prepareExport();
      document.body.classList.add("printing-incident-log");
      window.print();
    });
    window.addEventListener("afterprint", function () {
      document.body.classList.remove("printing-incident-log");
    });

    input.addEventListener("change", function () {
      endUndo.hidden = true;
      if (parseLocal(input.value) !== null) {
        state.detected = input.value;
        save();
      }
      render();
    });

    // The ticks that "Clear all ticks" or "End incident" took away, each with its time and
    // initials: an undo puts these back, not the time of the undo.
    var cleared = {};

    rows.forEach(function (row) {
      var box = row.querySelector("input[type=checkbox][data-step]");
      box.addEventListener("change", function (event) {
        var step = box.getAttribute("data-step");
        var undone = event.detail && event.detail.undo && cleared[step];
        if (!undone) { endUndo.hidden = true; }
        if (box.checked) {
          state.ticks[step] = undone || { at: Date.now(), by: initials.value.trim() };
          if (!undone) { store(initialsKey, initials.value.trim()); }
          if (!state.detected) { state.detected = localValue(detected()); }
        } else {
          delete state.ticks[step];
        }
        save();
        render();
      });
    });

    function ticked(ticks) {
      return Object.keys(ticks).length > 0;
    }

    // Re-ticks the boxes of `ticks` as an undo (irbook.js keeps them, the change handler above
    // takes their times from `cleared`).
    function retick(ticks) {
      cleared = ticks;
      rows.forEach(function (row) {
        var box = row.querySelector("input[type=checkbox][data-step]");
        if (!box.checked && ticks[box.getAttribute("data-step")]) {
          box.checked = true;
          box.dispatchEvent(new CustomEvent("change", { bubbles: true, detail: { undo: true } }));
        }
      });
    }

    // The checklist's own reset unticks every box (after its question: irbook.js stops the click
    // on a "no"): their times go with them, kept for its undo button.
    var reset = list.querySelector("button.reset");
    if (reset) {
      reset.addEventListener("click", function () {
        if (ticked(state.ticks)) { cleared = state.ticks; }
        endUndo.hidden = true;
        state.ticks = {};
        save();
        render();
      });
    }

    endButton.addEventListener("click", function () {
      if (!window.confirm(T.end_confirm)) { return; }
      var ended = { detected: localValue(detected()), ticks: Object.assign({}, state.ticks) };
      var listUndo = list.querySelector("button.undo");
      if (listUndo) { listUndo.hidden = true; }
      rows.forEach(function (row) {
        var box = row.querySelector("input[type=checkbox][data-step]");
        if (box.checked) {
          box.checked = false;
          box.dispatchEvent(new Event("change"));
        }
      });
      store(key, null);
      state = { detected: null, ticks: {} };
      defaultStart = Date.now();
      if (fragment("detected") && window.history.replaceState) {
        window.history.replaceState(null, "", window.location.pathname + window.location.search);
      }
      exportArea.hidden = true;
      exportButton.setAttribute("aria-expanded", "false");
      render();
      endUndo.onclick = function () {
        endUndo.hidden = true;
        state.detected = ended.detected;
        save();
        retick(ended.ticks);
        render();
        endButton.focus();
      };
      endUndo.hidden = false;
      endUndo.focus();
    });

    window.addEventListener("hashchange", function () { fromHash(); render(); });
    render();
    window.setInterval(render, 30000);
  }

  // --- Obligations: deadlines from "aware at" --------------------------------------------

  function obligationsMode(slots) {
    var items = document.querySelectorAll("[data-obligation][data-deadline]");
    var byId = {};
    Array.prototype.forEach.call(items, function (el) {
      byId[el.getAttribute("data-obligation")] = el;
    });
    // Shared by the obligations page and the contact sheet, which sit in the same folder.
    var key = "irbook:aware:" + window.location.pathname.replace(/[^/]*$/, "");
    var inputs = [];

    function deadline(id, aware, seen) {
      var el = byId[id];
      if (!el || seen[id]) { return null; }
      seen[id] = true;
      var duration = parseDuration(el.getAttribute("data-deadline"));
      if (!duration) { return null; }
      var after = el.getAttribute("data-after");
      var start = after ? deadline(after, aware, seen) : aware;
      return start === null ? null : add(start, duration);
    }

    function render() {
      var aware = parseLocal(store(key) || "");
      var now = Date.now();
      inputs.forEach(function (input) { input.value = aware === null ? "" : localValue(aware); });
      Array.prototype.forEach.call(items, function (el) {
        var shown = el.parentNode.querySelector(".deadline-clock");
        var at = aware === null ? null : deadline(el.getAttribute("data-obligation"), aware, {});
        if (at === null) {
          if (shown) { shown.parentNode.removeChild(shown); }
          return;
        }
        if (!shown) {
          shown = element("span", "deadline-clock screen-only");
          el.parentNode.insertBefore(shown, el.nextSibling);
        }
        shown.textContent = "";
        shown.appendChild(element("span", "incident-by", fill(T.by, { time: fullClock(at) })));
        shown.classList.toggle("overdue", at < now);
        if (at < now) { shown.appendChild(element("strong", "incident-overdue", T.overdue)); }
      });
    }

    Array.prototype.forEach.call(slots, function (slot, i) {
      var line = element("p", "aware-line no-print");
      var input = element("input");
      input.type = "datetime-local";
      input.id = "aware-at" + (i ? "-" + i : "");
      input.setAttribute("aria-describedby", input.id + "-hint");
      line.appendChild(label(input.id, T.aware_at));
      line.appendChild(document.createTextNode(" "));
      line.appendChild(input);
      line.appendChild(zoneNote());
      var hint = element("p", "muted aware-hint no-print", T.aware_hint);
      hint.id = input.id + "-hint";
      slot.appendChild(line);
      slot.appendChild(hint);
      input.addEventListener("change", function () {
        store(key, parseLocal(input.value) === null ? null : input.value);
        render();
      });
      inputs.push(input);
    });

    var fromHash = fragment("aware");
    if (fromHash && parseLocal(fromHash) !== null) { store(key, fromHash); }
    render();
    window.setInterval(render, 30000);
  }

  function start() {
    var list = document.querySelector(".checklist[data-plan]");
    if (list) { planMode(list); }
    var slots = document.querySelectorAll("[data-aware-at]");
    if (slots.length) { obligationsMode(slots); }
  }

  // After irbook.js has restored the ticks (its handler runs first: it was loaded first).
  if (document.readyState === "complete") {
    start();
  } else {
    document.addEventListener("DOMContentLoaded", start);
  }
})();
