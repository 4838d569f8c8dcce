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
  if (note) { note.hidden = true; }

  /* An apostrophe joins rather than splits, so "runners knee" finds "runner's knee"; accents are
     dropped on both sides, so "rotula" typed on a phone finds "rótula". */
  function words(text) {
    return text.toLowerCase().normalize("NFD").replace(/\p{M}/gu, "").replace(/['\u2019]/g, "")
      .split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  }

  /* Every query word must start a word of the page; a match in the title counts most, one only
     in the body text (b: each word of it once) least. */
  function score(page, terms) {
    var fields = [[page.t, 16], [page.w || "", 8], [page.s, 4], [page.k, 2], [page.b || "", 1]];
    var total = 0;
    for (var i = 0; i < terms.length; i++) {
      var best = 0;
      for (var f = 0; f < fields.length; f++) {
        var ws = words(fields[f][0]);
        for (var w = 0; w < ws.length; w++) {
          if (ws[w].indexOf(terms[i]) === 0) { best = Math.max(best, fields[f][1]); }
        }
      }
      if (!best) { return 0; }
      total += best;
    }
    return total;
  }

  function show(query) {
    var terms = words(query);
    list.textContent = "";
    if (!terms.length) { box.hidden = true; return; }
    var found = pages.map(function (p, i) { return { p: p, s: score(p, terms), i: i }; })
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
      .then(function (data) { pages = data.pages; show(query); })
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
