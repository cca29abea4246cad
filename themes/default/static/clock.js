// irbook clock arithmetic for incident.js: the page's JSON island (#irbook-incident: the
// handbook's timezone, locale and words), durations in the handbook's syntax added on the
// calendar, wall-clock times in the handbook's timezone, and small page helpers. Shared as
// window.irbookClock; loaded before incident.js.
(function () {
  "use strict";

  var island = document.getElementById("irbook-incident");
  if (!island) { return; }
  var config;
  try { config = JSON.parse(island.textContent); } catch (e) { return; }
  var T = config.t || {};
  var zone = config.timezone || undefined;
  var locale = config.locale || document.documentElement.lang || undefined;

  function formatter(options) {
    options.timeZone = zone;
    try { return new Intl.DateTimeFormat(locale, options); } catch (e) {
      zone = undefined;
      options.timeZone = undefined;
      return new Intl.DateTimeFormat(locale, options);
    }
  }
  var partsFormat = formatter({ year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric", hourCycle: "h23" });
  var timeFormat = formatter({ hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  var dayFormat = formatter({ day: "numeric", month: "short" });
  var dateFormat = formatter({ weekday: "short", day: "numeric", month: "short", year: "numeric" });

  function store(key, value) {
    try {
      if (value === undefined) { return window.localStorage.getItem(key); }
      if (value === null) { window.localStorage.removeItem(key); } else { window.localStorage.setItem(key, value); }
    } catch (e) { return null; }
    return null;
  }

  function fill(text, values) {
    return String(text || "").replace(/\{(\w+)\}/g, function (all, key) {
      return Object.prototype.hasOwnProperty.call(values, key) ? values[key] : all;
    });
  }

  function element(tag, className, text) {
    var el = document.createElement(tag);
    if (className) { el.className = className; }
    if (text !== undefined) { el.textContent = text; }
    return el;
  }

  // Durations in the handbook's short syntax: `1y 2mo 3d 4h 5m 6s`. Months and years are
  // counted on the calendar, the rest as elapsed time (as irbook itself counts).
  function parseDuration(text) {
    var units = { y: [12, 0], mo: [1, 0], w: [0, 604800], d: [0, 86400], h: [0, 3600], m: [0, 60], s: [0, 1] };
    var rest = String(text || "").replace(/\s+/g, "");
    var found = { months: 0, ms: 0 };
    var match;
    var re = /^(\d+)(mo|y|w|d|h|m|s)/;
    if (!rest) { return null; }
    while (rest) {
      match = re.exec(rest);
      if (!match) { return null; }
      found.months += Number(match[1]) * units[match[2]][0];
      found.ms += Number(match[1]) * units[match[2]][1] * 1000;
      rest = rest.slice(match[0].length);
    }
    return found;
  }

  // The wall clock in the handbook's timezone at an instant.
  function wall(ms) {
    var out = {};
    partsFormat.formatToParts(new Date(ms)).forEach(function (p) {
      if (p.type !== "literal") { out[p.type] = Number(p.value); }
    });
    if (out.hour === 24) { out.hour = 0; }
    return out;
  }

  function offset(ms) {
    var w = wall(ms);
    return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - Math.floor(ms / 1000) * 1000;
  }

  // The instant of a wall-clock time in the handbook's timezone (in a summer-time gap, the
  // later reading).
  function fromWall(year, month, day, hour, minute, second) {
    var utc = Date.UTC(year, month - 1, day, hour, minute, second || 0);
    var candidates = [utc - offset(utc - 86400000), utc - offset(utc + 86400000)];
    var fits = candidates.filter(function (ms) { return offset(ms) === utc - ms; });
    // Twice on the clock (summer time ends): the earlier; never (it begins): the later.
    return fits.length ? Math.min.apply(null, fits) : Math.max.apply(null, candidates);
  }

  function add(ms, duration) {
    if (duration.months) {
      var w = wall(ms);
      var total = w.year * 12 + (w.month - 1) + duration.months;
      var year = Math.floor(total / 12);
      var month = total % 12 + 1;
      var last = new Date(Date.UTC(year, month, 0)).getUTCDate();
      ms = fromWall(year, month, Math.min(w.day, last), w.hour, w.minute, w.second);
    }
    return ms + duration.ms;
  }

  // `2026-11-25T09:40` (a datetime-local value or a URL fragment) as an instant.
  function parseLocal(text) {
    var m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(String(text || "").trim());
    if (!m) { return null; }
    return fromWall(+m[1], +m[2], +m[3], +m[4], +m[5], m[6] ? +m[6] : 0);
  }

  function pad(n) { return (n < 10 ? "0" : "") + n; }

  function localValue(ms) {
    var w = wall(ms);
    return w.year + "-" + pad(w.month) + "-" + pad(w.day) + "T" + pad(w.hour) + ":" + pad(w.minute);
  }

  // `2026-11-25 09:40`: for the CSV, which spreadsheets read as a date and time.
  function plainTime(ms) { return localValue(ms).replace("T", " "); }

  function sameDay(a, b) {
    var x = wall(a);
    var y = wall(b);
    return x.year === y.year && x.month === y.month && x.day === y.day;
  }

  // "11:40" today, "26 Nov 11:40" on another day.
  function clock(ms) {
    var time = timeFormat.format(new Date(ms));
    return sameDay(ms, Date.now()) ? time : dayFormat.format(new Date(ms)) + " " + time;
  }

  function fullClock(ms) {
    return dateFormat.format(new Date(ms)) + " " + timeFormat.format(new Date(ms));
  }

  function fragment(name) {
    var m = new RegExp("(?:^#|[#&])" + name + "=([^&]+)").exec(window.location.hash);
    if (!m) { return null; }
    try { return decodeURIComponent(m[1]); } catch (e) { return null; }
  }

  function label(forId, text) {
    var l = element("label", "", text);
    l.htmlFor = forId;
    return l;
  }

  function zoneNote() {
    return zone ? element("span", "muted", " (" + zone + ")") : document.createTextNode("");
  }

  window.irbookClock = {
    T: T,
    config: config,
    zone: zone,
    dateFormat: dateFormat,
    timeFormat: timeFormat,
    formatter: formatter,
    store: store,
    fill: fill,
    element: element,
    parseDuration: parseDuration,
    wall: wall,
    offset: offset,
    fromWall: fromWall,
    add: add,
    parseLocal: parseLocal,
    pad: pad,
    localValue: localValue,
    plainTime: plainTime,
    sameDay: sameDay,
    clock: clock,
    fullClock: fullClock,
    fragment: fragment,
    label: label,
    zoneNote: zoneNote,
  };
})();
