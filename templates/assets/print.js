/* Patella: while the site's base_url is an example address, the pages cannot print where their
   links lead from it, so this script writes the address the page was opened at instead: each
   print-only address (data-print-href, relative to the page) and the page's own address at its foot
   (data-print-here). They show on paper only. Without this script, or opened from a file, none prints. */
(function () {
  "use strict";
  if (!/^https?:$/.test(location.protocol)) { return; }
  // as a reader types it: no https://, and the letters of the path as written, not %-escaped
  function readable(url, scheme) {
    var text = (scheme ? url.protocol + "//" : "") + url.host + url.pathname;
    try { return decodeURI(text); } catch (e) { return text; }
  }
  document.querySelectorAll("[data-print-href]").forEach(function (el) {
    var to = new URL(el.getAttribute("data-print-href"), location.href);
    el.textContent = (el.getAttribute("data-print-text") || " ({url})").replace("{url}", readable(to, false));
    el.hidden = false;
  });
  var here = document.querySelector("[data-print-here]");
  if (here) {
    here.textContent = here.getAttribute("data-print-here").replace("{url}", readable(new URL(location.href), true));
    here.hidden = false;
  }
}());
