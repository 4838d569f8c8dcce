// Patella's dev server adds this script to every page it serves (never to site/).
// It listens for builds and reloads the page when what the server shows has changed.
(function () {
  "use strict";
  var me = document.currentScript;
  var shown = me ? me.getAttribute("data-build") : null;
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
  var events = new EventSource("/__patella/events");
  events.addEventListener("build", function (e) {
    if (shown !== null && e.data !== shown) {
      events.close();
      window.location.reload();
    }
  });
})();
