// Patella's dev server adds this script to every page it serves (never to site/).
// It listens for builds and reloads the page when what the server shows has changed.
(function () {
  "use strict";
  var me = document.currentScript;
  var shown = me ? me.getAttribute("data-build") : null;
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
