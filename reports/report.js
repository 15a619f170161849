
"use strict";
// Filters for the completions table. The data comes from the JSON block (text only, parsed with
// JSON.parse); this script never writes HTML, it only hides and shows rows rendered by the server.
(function () {
  var data = JSON.parse(document.getElementById("idprobe-data").textContent);
  var rows = document.querySelectorAll("#samples tbody tr");
  var keys = ["identity", "condition", "language", "prompt"];
  var selects = {};
  keys.forEach(function (key) { selects[key] = document.getElementById("filter-" + key); });
  var search = document.getElementById("filter-text");
  var shown = document.getElementById("shown-count");

  function apply() {
    var needle = search.value.toLowerCase();
    var count = 0;
    rows.forEach(function (row) {
      var sample = data.samples[Number(row.getAttribute("data-i"))];
      var visible = keys.every(function (key) {
        var want = selects[key].value;
        return want === "" || String(sample[key]) === want;
      }) && (needle === "" || String(sample.text).toLowerCase().indexOf(needle) !== -1);
      row.hidden = !visible;
      if (visible) { count += 1; }
    });
    shown.textContent = String(count);
  }

  keys.forEach(function (key) { selects[key].addEventListener("change", apply); });
  search.addEventListener("input", apply);
  document.getElementById("filter-controls").hidden = false;
  apply();
})();
