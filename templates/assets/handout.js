/* Patella: the handout maker. The choices live only in the address's fragment (#v3.…), which
   this script writes and checks before using; nothing is sent anywhere. Every word it shows comes
   from the page (the data-* words on #maker), and text is only ever set with textContent. The QR
   code is drawn with uqr, shipped with the site. Without this script the default program prints. */
(function () {
  "use strict";
  var form = document.getElementById("maker");
  if (!form) { return; }
  function $(id) { return document.getElementById(id); }
  var words = form.dataset, sheet = $("h-sheet"), list = $("h-list"), row = $("h-row"), pick = $("h-pick");
  var NUMS = ["sets", "reps", "hold", "rest", "days"], TEXTS = ["by", "for", "start", "review"];
  var sections = Object.create(null), limits = Object.create(null), state, qr, drawing = 0, unread = null, editing = null;
  sheet.querySelectorAll(".sheet-exercise").forEach(function (s) { sections[s.dataset.slug] = s; });
  /* Each program phase's heading and guidance, once: show() puts it before the exercises it gives. */
  var phases = Object.create(null);
  sheet.querySelectorAll(".h-phase").forEach(function (p) {
    if (phases[p.dataset.phase]) { p.remove(); } else { phases[p.dataset.phase] = p; }
  });
  row.content.querySelectorAll("input").forEach(function (i) {
    limits[i.name] = i.type === "number" ? [+i.min, +i.max] : i.dataset.max ? [+i.dataset.min, +i.dataset.max] : [0, i.maxLength];
  });
  var maxName = $("h-by").maxLength, maxItems = +words.maxExercises, maxLink = +words.maxLink;

  /* The names exercises had in links before they were renamed (moved_from), each with its name now:
     a link printed before the rename still opens. Only names of exercises this page has are kept. */
  var moved = Object.create(null);
  try {
    var given = JSON.parse(words.moved || "{}");
    Object.keys(given).forEach(function (old) {
      if (typeof given[old] === "string" && sections[given[old]] && !sections[old]) { moved[old] = given[old]; }
    });
  } catch (e) { /* no renamed exercises, then */ }

  /* The page gives each counted message once per plural category of its language (data-count-one,
     data-count-other…); the browser's rules for that language pick one. */
  var lang = document.documentElement.lang, rules = new Intl.PluralRules(lang);
  function number(n) { return n.toLocaleString(lang); }
  function say(text, n) { return text.replace("{n}", number(n)); }
  function wording(key, n) {
    var category = rules.select(n);
    return words[key + category.charAt(0).toUpperCase() + category.slice(1)] || words[key + "Other"];
  }
  function plural(key, n) { return say(wording(key, n), n); }
  function status(text) { $("h-status").textContent = text; }
  function title(slug) { return sections[slug].querySelector("h3 a").textContent; }

  /* A number of the form as the handout keeps it, or null when it is not one the form allows: a whole
     number within the field's limits, and for repetitions also a range, the smaller number first
     ("10-15" or "10–15", kept as "10-15"; "10-10" is 10). */
  function count(name, text) {
    var t = String(text).trim(), m = /^(\d{1,4})(?:\s*[-\u2010-\u2015\u2212]\s*(\d{1,4}))?$/.exec(t);
    if (!m || (m[2] !== undefined && name !== "reps")) { return null; }
    var low = +m[1], high = m[2] === undefined ? low : +m[2];
    if (low < limits[name][0] || high > limits[name][1] || low > high) { return null; }
    return name !== "reps" ? low : low === high ? String(low) : low + "-" + high;
  }

  /* A number as a reader sees it: a range with the en dash the other pages use ("10–15"). */
  function shown(value) { return String(value).split("-").map(function (n) { return number(+n); }).join("\u2013"); }

  function item(slug) {
    var d = sections[slug].dataset;
    return { slug: slug, sets: +d.sets, reps: count("reps", d.reps) || "1", hold: +d.hold, rest: 0, days: 0, note: "",
      typed: Object.create(null) };
  }

  function defaults() {
    var items = [];
    Object.keys(sections).forEach(function (slug) {
      var at = +sections[slug].dataset["default"];
      if (at > 0) { items[at - 1] = item(slug); }
    });
    return { by: "", "for": "", start: "", review: "", items: items.filter(Boolean) };
  }

  /* The handout's fields, form-encoded: by, for, start and review when given, then one
     x=slug.sets.reps.hold.rest.days[.note] per exercise, in order; reps is a number or, from
     version 3, a range such as 10-15. */
  function fields(st) {
    var p = new URLSearchParams();
    TEXTS.forEach(function (k) { if (st[k]) { p.append(k, st[k]); } });
    st.items.forEach(function (it) {
      p.append("x", [it.slug].concat(NUMS.map(function (k) { return it[k]; })).join(".") + (it.note ? "." + it.note : ""));
    });
    return p.toString();
  }

  /* A check of the fields (FNV-1a, 32 bits, in hex): a link cut short anywhere loses it or no
     longer matches it, where a version 1 link cut after a "&" read as a shorter handout. */
  function check(text) {
    var h = 0x811c9dc5;
    for (var i = 0; i < text.length; i++) { h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0; }
    return ("0000000" + h.toString(16)).slice(-8);
  }

  /* The fragment, without its #: "v3.", the fields, then k= and their check, last. */
  function encode(st) {
    var f = fields(st);
    return "v3." + (f ? f + "&" : "") + "k=" + check(f);
  }

  /* No control characters, line or paragraph separators, nor the marks that turn a line's letters
     around (U+202A to U+202E, U+2066 to U+2069), which could make a name read as something else. */
  function plain(text, max) { return text.length <= max && !/[\u0000-\u001f\u007f-\u009f\u2028-\u202e\u2066-\u2069]/.test(text); }

  /* A day of the years 2000 to 2199, written YYYY-MM-DD. */
  function isDate(text) {
    if (!/^2[01]\d{2}-\d{2}-\d{2}$/.test(text)) { return false; }
    var d = new Date(text + "T00:00:00Z");
    return !isNaN(d) && d.toISOString().slice(0, 10) === text;
  }

  /* A state from a fragment, or the name of the problem ("bad" or "old") when any part of it is
     wrong: an unknown word, a number out of range, an exercise this site has not, a repeat, or (in
     versions 2 and 3) a check that is missing or does not match, as in a link cut short. Links of
     versions 1 and 2, printed as QR codes, are read as they were made: their repetitions are one
     number; version 3 (from 2026-12) may give a range, written as the form keeps it ("10-15"). */
  function decode(hash) {
    var m = /^v(\d{1,3})\.(.*)$/.exec(hash);
    if (hash.length > maxLink || !m) { return "bad"; }
    if (m[1] !== "1" && m[1] !== "2" && m[1] !== "3") { return "old"; }
    var params = new URLSearchParams(m[2]), checked = null, ranges = m[1] === "3";
    if (m[1] !== "1") {
      var keys = Array.from(params.keys());
      if (!keys.length || keys.indexOf("k") !== keys.length - 1) { return "bad"; } // once, and last
      checked = params.get("k");
      params["delete"]("k");
    }
    var st = { by: "", "for": "", start: "", review: "", items: [] }, seen = Object.create(null), ok = true;
    var now = []; // each exercise's name now: the check is over the names as the link wrote them
    params.forEach(function (value, key) {
      if (seen["=" + key] && key !== "x") { ok = false; }
      seen["=" + key] = true;
      if (key === "x") {
        var parts = value.split("."), it = { slug: parts[0], note: parts.slice(6).join("."), typed: Object.create(null) };
        var name = sections[it.slug] ? it.slug : moved[it.slug];
        if (parts.length < 6 || !name || seen[name] || !plain(it.note, limits.note[1])) { ok = false; return; }
        seen[name] = true;
        now.push(name);
        NUMS.forEach(function (k, i) {
          var text = parts[i + 1];
          if (k === "reps" && ranges && /-/.test(text)) {
            it[k] = count(k, text);
            ok = ok && it[k] === text; // a range as the form writes it, and nothing else
          } else {
            it[k] = /^\d{1,4}$/.test(text) ? +text : -1;
            if (it[k] < limits[k][0] || it[k] > limits[k][1]) { ok = false; }
            if (k === "reps") { it[k] = String(it[k]); }
          }
        });
        st.items.push(it);
      } else if (key === "by" || key === "for") {
        ok = ok && plain(value, maxName);
        st[key] = value;
      } else if (key === "start" || key === "review") {
        ok = ok && isDate(value);
        st[key] = value;
      } else {
        ok = false;
      }
    });
    if (checked !== null && checked !== check(fields(st))) { ok = false; }
    st.items.forEach(function (it, i) { it.slug = now[i]; });
    return ok && st.items.length <= maxItems ? st : "bad";
  }

  /* A review date, when both are given, is not before the start (ISO dates sort as text). The form
     holds to it; a link is shown as it was made (links made before the form did are still good). */
  function inOrder(start, review) { return !start || !review || start <= review; }

  function dateText(iso) {
    return iso ? new Date(iso + "T00:00:00Z").toLocaleDateString(document.documentElement.lang,
      { dateStyle: "long", timeZone: "UTC" }) : "";
  }

  function mine(section, name, n, text) {
    section.querySelector(".h-page-" + name).hidden = n > 0;
    var own = section.querySelector(".h-" + name);
    own.hidden = !(n > 0);
    own.lastElementChild.textContent = text;
  }

  function doseText(it, section) {
    var text = wording("dose", it.sets).replace("{s}", number(it.sets)).replace("{r}", shown(it.reps));
    if (it.hold > 0) { text += plural("hold", it.hold); }
    if (section.dataset.side === "true") { text += words.side; }
    return text + ".";
  }

  function drawQr(text) {
    var mine = ++drawing;
    qr = qr || import(new URL(words.qr, document.baseURI).href);
    qr.then(function (lib) {
      if (mine !== drawing) { return; } // the handout changed while the library loaded
      var code = lib.encode(text, { ecc: "L", border: 4 }), d = "", ns = "http://www.w3.org/2000/svg";
      code.data.forEach(function (line, y) {
        line.forEach(function (dark, x) { if (dark) { d += "M" + x + " " + y + "h1v1h-1z"; } });
      });
      var svg = document.createElementNS(ns, "svg"), path = document.createElementNS(ns, "path");
      svg.setAttribute("viewBox", "0 0 " + code.size + " " + code.size);
      svg.setAttribute("aria-hidden", "true");
      svg.setAttribute("focusable", "false");
      path.setAttribute("d", d);
      svg.appendChild(path);
      $("h-qr-code").replaceChildren(svg);
      $("h-qr").classList.toggle("h-qr-big", code.size > 69); // a long link's code prints larger, to stay easy to scan
      $("h-qr").hidden = $("h-qr-note").hidden = false;
    }).catch(function () { $("h-qr").hidden = $("h-qr-note").hidden = true; });
  }

  /* The address becomes the handout's link, except while the handout is the empty one that a link
     that could not be read left: that link stays in the address, to be sent back to whoever made
     it, and its message stays (on paper too) until the form is changed. */
  function address(hash) {
    if (hash === unread) { return; }
    if (unread !== null) {
      unread = null;
      $("h-message").hidden = true;
    }
    history.replaceState(null, "", "#" + hash);
  }

  /* The same handout in another language: the switcher's link to that handout maker carries it (a
     link that could not be read too, so that the other language says so rather than show its
     default program). */
  function carry(hash) {
    document.querySelectorAll(".language-switcher a[hreflang]").forEach(function (a) {
      if (/\/handout\/(#.*)?$/.test(a.getAttribute("href"))) { a.setAttribute("href", a.getAttribute("href").split("#")[0] + "#" + hash); }
    });
  }

  /* Each exercise under the heading of its program's phase, as the program page groups them: a phase's
     heading comes again wherever the order chosen goes back to it. */
  function phased() {
    var last = "", used = Object.create(null);
    Object.keys(phases).forEach(function (k) { phases[k].hidden = true; });
    sheet.querySelectorAll(".h-phase-again").forEach(function (p) { p.remove(); });
    return function (s) {
      var key = s.dataset.phase;
      if (key && key !== last && phases[key]) {
        var head = used[key] ? phases[key].cloneNode(true) : phases[key];
        if (used[key]) { head.classList.add("h-phase-again"); }
        used[key] = true;
        head.hidden = false;
        sheet.appendChild(head);
      }
      last = key;
    };
  }

  /* What to avoid, from each condition whose program gives an exercise of the handout. */
  function avoid() {
    document.querySelectorAll(".avoid[data-exercises]").forEach(function (a) {
      var mine = a.dataset.exercises.split(" ");
      a.hidden = !state.items.some(function (it) { return mine.indexOf(it.slug) >= 0; });
    });
  }

  /* The sheet, the link and the QR code from the state. */
  function show() {
    // what an earlier action said (already there, full, copied) no longer holds once the handout changes
    if ([words.already, say(words.full, maxItems), words.copied, words.copyFailed].indexOf($("h-status").textContent) >= 0) {
      status("");
    }
    Object.keys(sections).forEach(function (slug) { sections[slug].hidden = true; });
    var head = phased();
    state.items.forEach(function (it, i) {
      var s = sections[it.slug];
      s.hidden = false;
      head(s);
      sheet.appendChild(s);
      s.querySelector(".number").textContent = (i + 1) + ".";
      s.querySelector(".h-dose").textContent = doseText(it, s);
      mine(s, "rest", it.rest, plural("rest", it.rest));
      mine(s, "often", it.days, plural("days", it.days));
      var note = s.querySelector(".h-note");
      note.hidden = !it.note;
      note.lastElementChild.textContent = it.note;
    });
    avoid();
    ["by", "for"].forEach(function (k) { $("out-" + k).textContent = state[k]; });
    ["start", "review"].forEach(function (k) { $("out-" + k).textContent = dateText(state[k]); });
    $("h-count").textContent = state.items.length ? plural("count", state.items.length) : words.none;
    var hash = encode(state), fix = state.items.some(function (it) { return Object.keys(it.typed).length > 0; });
    // printed all the same (Ctrl+P), an unfinished handout says so instead of showing the dose from before
    document.documentElement.classList.toggle("h-unfinished", fix);
    $("h-print").disabled = $("h-copy").disabled = !state.items.length || fix;
    if (hash.length > maxLink || !state.items.length || fix) {
      // no link and no code rather than those of the handout before, which the sheet no longer is
      // (the address keeps the last handout that fitted), none for a handout of no exercise, and
      // none while a number of the form is not one the sheet shows
      drawing++;
      $("h-link").value = "";
      $("h-qr").hidden = $("h-qr-note").hidden = true;
      if (fix) {
        status(words.fix);
        if (hash.length <= maxLink && state.items.length) {
          // the dose from before this edit, not a half-typed one (the 15 on the way to 150)
          address(hash);
          carry(hash);
        }
      } else if (state.items.length) {
        status(words["long"]);
      } else if (hash !== unread) {
        address(hash); // the address no longer holds the handout before, nor does the switcher's link
        carry(hash);
      }
      return;
    }
    if ($("h-status").textContent === words["long"] || $("h-status").textContent === words.fix) { status(""); }
    address(hash);
    carry(hash);
    $("h-link").value = location.href;
    drawQr(location.href);
  }

  /* A number the form could not take keeps its text as typed, marked as wrong with the reason beside
     it, until it is one the form allows; the sheet and the link keep the last number it allowed. */
  function mark(input, wrong) {
    var reason = input.closest(".h-field").querySelector(".h-error"), min = limits[input.name][0], max = limits[input.name][1];
    var described = (input.getAttribute("aria-describedby") || "").split(" ").filter(function (id) { return id && id !== reason.id; });
    if (wrong) { described.push(reason.id); }
    input.setAttribute("aria-invalid", String(wrong));
    if (described.length) { input.setAttribute("aria-describedby", described.join(" ")); } else { input.removeAttribute("aria-describedby"); }
    reason.textContent = wrong ? (input.name === "reps" ? words.badReps : words.badCount)
      .replace("{min}", number(min)).replace("{max}", number(max)) : "";
    reason.hidden = !wrong;
  }

  /* The form's rows from the state; focus goes back to the same button of the moved row. "Move up"
     on the first row and "Move down" on the last say they cannot (aria-disabled), and stay where
     the focus is. */
  function rows(focusRow, act) {
    list.textContent = "";
    editing = null;
    state.items.forEach(function (it, i) {
      var li = row.content.firstElementChild.cloneNode(true);
      li.querySelector(".h-row-title").textContent = (i + 1) + ". " + title(it.slug);
      li.querySelectorAll(".h-field").forEach(function (field) {
        var input = field.querySelector("input"), hint = field.querySelector(".h-hint");
        field.querySelector(".h-error").id = "h-" + (i + 1) + "-" + input.name + "-error";
        if (hint) {
          hint.id = "h-" + (i + 1) + "-" + input.name + "-hint";
          input.setAttribute("aria-describedby", hint.id);
        }
      });
      li.querySelectorAll("input").forEach(function (input) {
        var typed = input.name in it.typed;
        input.value = typed ? it.typed[input.name] : input.name === "reps" ? shown(it.reps) : it[input.name];
        if (input.name !== "note") { mark(input, typed); }
      });
      if (i === 0) { li.querySelector("[data-act=up]").setAttribute("aria-disabled", "true"); }
      if (i === state.items.length - 1) { li.querySelector("[data-act=down]").setAttribute("aria-disabled", "true"); }
      list.appendChild(li);
    });
    var target = list.children[focusRow];
    if (target && act) { target.querySelector(act === "new" ? "input" : "[data-act=" + act + "]").focus(); }
  }

  function load() {
    var hash = location.hash.slice(1), got = hash ? decode(hash) : defaults(), msg = $("h-message");
    msg.hidden = typeof got !== "string";
    unread = null;
    if (typeof got === "string") {
      // no program rather than the default one, which a patient could take, on screen or on paper,
      // for the one made for them
      msg.textContent = words[got];
      got = { by: "", "for": "", start: "", review: "", items: [] };
      unread = encode(got);
      carry(hash);
    }
    state = got;
    TEXTS.forEach(function (k) { $("h-" + k).value = state[k]; });
    rows();
    show();
  }

  /* The marks that turn a line around, which text pasted from some programs carries: dropped, as
     they are refused in a link. */
  function unmarked(text) { return text.replace(/[\u202a-\u202e\u2066-\u2069]/g, ""); }

  ["by", "for"].forEach(function (k) {
    $("h-" + k).addEventListener("input", function (e) {
      var v = unmarked(e.target.value);
      if (plain(v, maxName)) {
        state[k] = v;
        show();
      }
    });
  });
  /* Both dates are read together: one refused (the review before the start) is taken as soon as the
     other is changed to fit it, so the sheet never shows other dates than the form. */
  ["start", "review"].forEach(function (k) {
    $("h-" + k).addEventListener("input", function () {
      var start = $("h-start").value, review = $("h-review").value;
      if (!(start === "" || isDate(start)) || !(review === "" || isDate(review))) { return; }
      if (!inOrder(start, review)) {
        status(words.dates);
        return;
      }
      if ($("h-status").textContent === words.dates) { status(""); }
      state.start = start;
      state.review = review;
      show();
    });
  });

  /* A number is taken as it is typed while it is one the form allows; while it is not (150 on the
     way to 15, or typed for good), the sheet shows the number the field had before this edit, never
     a half-typed one, and the handout has no link and cannot be printed. Once the field is left, a
     number the form does not allow stays as typed, marked, until it is fixed. */
  list.addEventListener("input", function (e) {
    var input = e.target, i = Array.prototype.indexOf.call(list.children, input.closest("li")), it = state.items[i];
    if (input.name === "note") {
      if (!plain(unmarked(input.value), limits.note[1])) { return; }
      it.note = unmarked(input.value);
    } else {
      var value = count(input.name, input.value);
      if (!editing || editing.input !== input) { editing = { input: input, value: it[input.name] }; }
      it[input.name] = value === null ? editing.value : value;
      if (value !== null && input.name in it.typed) {
        delete it.typed[input.name];
        mark(input, false);
      } else if (value === null) {
        // unfinished while it is typed too (Ctrl+P may come before the field is left); marked wrong only once it is left
        it.typed[input.name] = input.value;
      }
    }
    show();
  });

  list.addEventListener("change", function (e) {
    var input = e.target, i = Array.prototype.indexOf.call(list.children, input.closest("li")), it = state.items[i];
    if (input.name === "note") { return; }
    var value = count(input.name, input.value);
    editing = null;
    if (value === null) {
      it.typed[input.name] = input.value;
    } else {
      delete it.typed[input.name];
      input.value = input.name === "reps" ? shown(value) : value;
    }
    mark(input, value === null);
    show();
  });

  list.addEventListener("click", function (e) {
    var act = e.target.dataset.act;
    if (!act || e.target.getAttribute("aria-disabled") === "true") { return; }
    var items = state.items, i = Array.prototype.indexOf.call(list.children, e.target.closest("li"));
    var j = act === "up" ? i - 1 : i + 1;
    if (act === "remove") {
      items.splice(i, 1);
    } else if (j >= 0 && j < items.length) {
      items.splice(j, 0, items.splice(i, 1)[0]);
      i = j;
    }
    rows(Math.min(i, items.length - 1), act);
    if (!items.length) { pick.focus(); }
    show();
  });

  $("h-add").addEventListener("click", function () {
    var slug = pick.value;
    if (state.items.some(function (it) { return it.slug === slug; })) { status(words.already); return; }
    if (state.items.length >= maxItems) { status(say(words.full, maxItems)); return; }
    state.items.push(item(slug));
    rows(state.items.length - 1, "new");
    show();
  });

  $("h-copy").addEventListener("click", function () {
    var link = $("h-link");
    if (!link.value) { status(state.items.length ? words["long"] : words.none); return; } // there is no link to copy
    status(""); // what an earlier action said no longer holds; the answer below may take a moment
    (navigator.clipboard ? navigator.clipboard.writeText(link.value) : Promise.reject(new Error("no clipboard")))
      .then(function () { status(words.copied); }, function () { link.select(); status(words.copyFailed); });
  });
  $("h-print").addEventListener("click", function () { window.print(); });
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  window.addEventListener("hashchange", load);
  // on paper the QR code is the handout's address: the page's own would open the default program
  var printed = $("print-url");
  if (printed) { printed.hidden = true; }
  // a browser that prints the page's title at the top of the sheet prints the patient's title there
  var screenTitle = document.title, sheetTitle = document.querySelector("h1 .sheet-title");
  window.addEventListener("beforeprint", function () {
    if (sheetTitle) { document.title = sheetTitle.textContent; }
  });
  window.addEventListener("afterprint", function () { document.title = screenTitle; });
  /* A handout opened from its link (a patient's, or its QR code's) shows the patient's sheet first; the form
     is behind "Change this program" for the clinician. Opened without one, the form comes first. */
  var change = $("h-change");
  function forPatient(on) {
    document.documentElement.classList.toggle("h-patient", on);
    form.hidden = on;
    change.setAttribute("aria-expanded", String(!on));
  }
  change.addEventListener("click", function () { forPatient(!form.hidden); });
  $("h-change-line").hidden = location.hash.length < 2;
  forPatient(location.hash.length > 1);
  load();
}());
