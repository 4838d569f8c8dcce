// Patella's dev server adds this script to every page it serves (never to site/).
// It listens for builds and reloads the page when what the server shows for it has changed.
(function () {
  "use strict";
  var me = document.currentScript;
  var shown = me ? me.getAttribute("data-build") : null;
  var page = me ? me.getAttribute("data-page") : "";
  // a long line is cut around the error, but on a narrow screen its caret may still be past the
  // right edge of the box: scroll each excerpt so that its caret is in view
  var carets = document.querySelectorAll("#patella-overlay .patella-caret");
  for (var i = 0; i < carets.length; i++) {
    var pre = carets[i].closest("pre");
    var past = carets[i].getBoundingClientRect().right - pre.getBoundingClientRect().right;
    if (pre && past > 0) {
      pre.scrollLeft += past + pre.clientWidth / 2;
    }
  }
  if (!window.EventSource) {
    return;
  }
  // a build may come while this page loads: the server then tells it what changed since its own
  var events = new EventSource("/__patella/events" + (shown !== null ? "?since=" + encodeURIComponent(shown) : ""));
  // "12": the server shows build 12; "12 11 a/index.html b/index.html": build 12 follows build 11
  // and changed those files only ("*": anything may have changed). A page shown from build 11 that
  // is not among them stays as it is: editing one page reloads that page, not every open one.
  events.addEventListener("build", function (e) {
    var said = e.data.split(" ");
    if (shown === null || said[0] === shown) {
      return;
    }
    var listed = said.slice(2);
    if (said[1] === shown && page && listed.indexOf("*") < 0 && listed.indexOf(page) < 0) {
      shown = said[0];
      return;
    }
    events.close();
    window.location.reload();
  });
})();
