/* Patella: filters for the exercise list. Without this script the page shows every exercise,
   grouped by phase, with lists by muscle, type and equipment below. */
(function () {
  "use strict";
  var form = document.getElementById("filters");
  var list = document.getElementById("exercise-list");
  if (!form || !list) { return; }
  var status = document.getElementById("filter-status");
  var names = ["muscle", "phase", "chain", "equipment"];
  var attrs = { muscle: "muscles", phase: "phase", chain: "chain", equipment: "equipment" };
  var cards = list.querySelectorAll(".card");
  /* The words for "showing n of all", in the plural form the page's language uses for n (data-some-one, -other...). */
  var rules = new Intl.PluralRules(document.documentElement.lang);
  function some(n) {
    var category = rules.select(n);
    return form.dataset["some" + category.charAt(0).toUpperCase() + category.slice(1)] || form.dataset.someOther;
  }

  function matches(card, name, value) {
    return !value || (card.getAttribute("data-" + attrs[name]) || "").split(" ").indexOf(value) >= 0;
  }

  function apply(updateUrl) {
    var shown = 0;
    var params = new URLSearchParams();
    names.forEach(function (name) {
      if (form.elements[name].value) { params.set(name, form.elements[name].value); }
    });
    cards.forEach(function (card) {
      var ok = names.every(function (name) { return matches(card, name, form.elements[name].value); });
      card.hidden = !ok;
      if (ok) { shown++; }
    });
    list.querySelectorAll("section.phase").forEach(function (section) {
      section.hidden = !section.querySelector(".card:not([hidden])");
    });
    var words = form.dataset, lang = document.documentElement.lang;
    status.textContent = shown === cards.length ? words.all.replace("{n}", shown.toLocaleString(lang))
      : shown === 0 ? words.none
      : some(shown).replace("{shown}", shown.toLocaleString(lang)).replace("{total}", cards.length.toLocaleString(lang));
    if (updateUrl) {
      var query = params.toString();
      history.replaceState(null, "", query ? "?" + query : location.pathname);
    }
  }

  var initial = new URLSearchParams(location.search);
  names.forEach(function (name) {
    var select = form.elements[name];
    var value = initial.get(name);
    if (value && select.querySelector('option[value="' + CSS.escape(value) + '"]')) { select.value = value; }
    select.addEventListener("change", function () { apply(true); });
  });
  form.addEventListener("submit", function (event) { event.preventDefault(); apply(true); });
  form.addEventListener("reset", function () { setTimeout(function () { apply(true); }, 0); });
  form.hidden = false;
  apply(false);
}());
