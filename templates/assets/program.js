/* Patella: on the printable program, lets a reader leave exercises off the printout (the style
   sheet numbers the printed ones 1, 2, 3… on paper). Without this script every exercise prints. */
(function () {
  "use strict";
  var tools = document.getElementById("print-tools");
  if (!tools) { return; }
  var status = document.getElementById("print-status");
  var boxes = document.querySelectorAll("input[data-exercise]");

  function update() {
    var kept = 0;
    boxes.forEach(function (box) {
      var section = document.getElementById(box.getAttribute("data-exercise"));
      section.classList.toggle("omit", !box.checked);
      if (box.checked) { kept++; }
    });
    document.querySelectorAll(".sheet-phase").forEach(function (phase) {
      phase.classList.toggle("omit", !phase.querySelector(".sheet-exercise:not(.omit)"));
    });
    var lang = document.documentElement.lang;
    // with nothing ticked there is nothing to print: the button waits for a tick
    document.getElementById("print-button").disabled = kept === 0;
    status.textContent = kept === 0 ? tools.getAttribute("data-none")
      : tools.getAttribute("data-will-print").replace("{kept}", kept.toLocaleString(lang))
        .replace("{total}", boxes.length.toLocaleString(lang));
  }

  boxes.forEach(function (box) {
    box.parentNode.hidden = false;
    box.addEventListener("change", update);
  });
  document.getElementById("print-button").addEventListener("click", function () { window.print(); });
  tools.hidden = false;
  update();
}());
