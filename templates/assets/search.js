/* Patella: search over the small index the build writes. Without this script the search page
   lists every page of the site. */
(function () {
  "use strict";
  var form = document.getElementById("search-form");
  if (!form) { return; }
  var input = document.getElementById("q");
  var box = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  var list = document.getElementById("results-list");
  var note = document.querySelector(".noscript-note");
  var pages = null;
  /* Every word shown comes from the page (data-* on the form), counted ones once per plural category. */
  var texts = form.dataset, lang = document.documentElement.lang, rules = new Intl.PluralRules(lang);
  function counted(key, n) {
    var category = rules.select(n);
    var text = texts[key + category.charAt(0).toUpperCase() + category.slice(1)] || texts[key + "Other"];
    return text.replace("{n}", n.toLocaleString(lang));
  }
  /* the form is hidden in the page as sent: without this script it would find nothing */
  form.hidden = false;
  if (note) { note.hidden = true; }

  /* An apostrophe joins rather than splits, so "runners knee" finds "runner's knee"; accents are
     dropped on both sides, so "rotula" typed on a phone finds "rótula". */
  function words(text) {
    return text.toLowerCase().normalize("NFD").replace(/\p{M}/gu, "").replace(/['\u2019]/g, "")
      .split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  }

  /* Light stemmers: a word without its plural and its simplest endings, so that "squats" finds
     "squat", "stretching" finds "stretch" and "sentadillas" finds "sentadilla". They only cut
     endings off, on the words of the index and of the query alike; a language with none here
     keeps its words whole. */
  function english(w) {
    if (/ies$/.test(w)) { w = w.length > 4 ? w.slice(0, -3) + "i" : w.slice(0, -1); }
    else if (/(s|x|z|ch|sh)es$/.test(w) && w.length > 4) { w = w.slice(0, -2); }
    else if (/[^siu]s$/.test(w) && w.length > 3) { w = w.slice(0, -1); }
    var end = /ing$/.test(w) ? 3 : /[^e]ed$/.test(w) ? 2 : 0, rest = w.slice(0, w.length - end);
    if (end && rest.length > 2 && /[aeiouy]/.test(rest)) {
      w = /([^aeiouylsz])\1$/.test(rest) && rest.length > 3 ? rest.slice(0, -1) : rest;
    }
    if (/[^aeiou]e$/.test(w) && w.length > 3) { w = w.slice(0, -1); }
    return /[^aeiou]y$/.test(w) && w.length > 2 ? w.slice(0, -1) + "i" : w;
  }
  /* Spanish plurals add -s or -es, and -z turns into -ces: "dolores", "fuertes" and "veces" meet
     "dolor", "fuerte" and "vez" once a final -s, an -e after a consonant and a -z are dealt with. */
  function spanish(w) {
    if (/s$/.test(w) && w.length > 3) { w = w.slice(0, -1); }
    if (/[^aeiou]e$/.test(w) && w.length > 3) { w = w.slice(0, -1); }
    return w.replace(/z$/, "c");
  }
  var stem = { en: english, es: spanish }[lang.split("-")[0].toLowerCase()] || function (w) { return w; };

  /* Each page's fields as words, each with its stem, made once when the index arrives. */
  function prepare(page) {
    var fields = [[page.t, 16], [page.w || "", 8], [page.s, 4], [page.k, 2], [page.b || "", 1]];
    return { p: page, f: fields.map(function (f) {
      var ws = words(f[0]);
      return { n: f[1], w: ws, s: ws.map(stem) };
    }) };
  }

  /* How well one query word matches a page: it must start a word of the page, or its stem must
     be that word's stem. A match in the title counts most, one only in the body text (b: each
     word of it once) least, and in each field the word as typed counts a little more than its
     stem; "whole" is false for two query words joined into one, which never count as typed. */
  function match(page, term, whole) {
    /* a stem must be a whole word of four letters or more: a shorter one, or one taken as the start
       of a longer word, meets words that only look alike ("sitting" and "site", "pies" and "pierna") */
    var best = 0, root = stem(term), stemmed = root.length >= 4;
    page.f.forEach(function (field) {
      for (var i = 0; i < field.w.length; i++) {
        var n = whole && field.w[i].indexOf(term) === 0 ? 2 : stemmed && field.s[i] === root ? 1 : 0;
        if (n) { best = Math.max(best, 2 * field.n - 2 + n); }
      }
    });
    return best;
  }

  /* Every query word must match, alone or joined to the next one: the site writes "kneecap", a
     reader may type "knee cap". at[i] is the best score of the first i words, -1 for none. */
  function score(page, terms) {
    var at = [0];
    for (var i = 1; i <= terms.length; i++) {
      var one = match(page, terms[i - 1], true);
      at[i] = at[i - 1] >= 0 && one ? at[i - 1] + one : -1;
      var two = i > 1 && at[i - 2] >= 0 ? 2 * match(page, terms[i - 2] + terms[i - 1], false) : 0;
      if (two) { at[i] = Math.max(at[i], at[i - 2] + two); }
    }
    return Math.max(at[terms.length], 0);
  }

  function show(query) {
    var terms = words(query);
    list.textContent = "";
    if (!terms.length) { box.hidden = true; return; }
    var found = pages.map(function (p, i) { return { p: p.p, s: score(p, terms), i: i }; })
      .filter(function (r) { return r.s > 0; })
      .sort(function (a, b) { return b.s - a.s || a.i - b.i; });
    found.forEach(function (r) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = "../" + r.p.u;
      a.textContent = r.p.t;
      var kind = document.createElement("span");
      kind.className = "kind";
      kind.textContent = r.p.k;
      li.append(a, " ", kind, document.createElement("br"), r.p.s);
      list.appendChild(li);
    });
    status.textContent = (found.length === 0 ? texts.none : counted("found", found.length))
      .replace("{q}", function () { return query; });
    box.hidden = false;
  }

  function run(query, push) {
    if (push) { history.replaceState(null, "", query ? "?q=" + encodeURIComponent(query) : location.pathname); }
    if (pages) { show(query); return; }
    fetch(form.getAttribute("data-index"))
      .then(function (response) { return response.json(); })
      .then(function (data) { pages = data.pages.map(prepare); show(query); })
      .catch(function () {
        box.hidden = false;
        status.textContent = texts.failed;
      });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    run(input.value.trim(), true);
  });
  var initial = new URLSearchParams(location.search).get("q") || "";
  if (initial) {
    input.value = initial;
    run(initial.trim(), false);
  }
}());
