"use strict";
// Draws the completions table from the page's JSON block (#idprobe-data, format idprobe-samples/1;
// see harness/report/data.py), one page of rows at a time, with filters and text search.
// Model text is hostile: it only ever enters the page through textContent and createTextNode,
// never innerHTML, attributes or URLs, so nothing in it can become markup or run.
(function () {
  var data = JSON.parse(document.getElementById("idprobe-data").textContent);
  var rows = data.rows;
  var total = rows.flags.length;
  var roles = ["identity", "creator", "based-on"];
  var filterKeys = ["identity", "creator", "condition", "language", "prompt"];
  var el = function (id) { return document.getElementById(id); };
  var body = document.querySelector("#samples tbody");
  var search = el("filter-text");
  var pageSize = el("page-size");
  var state = { matches: null, page: 0, lowered: null };
  var reviewed = {};
  data.reviewed.row.forEach(function (row, i) { reviewed[row] = i; });

  function indexOf(list, value) {
    for (var i = 0; i < list.length; i += 1) { if (list[i] === value) { return i; } }
    return -2;  // no row has it: matches nothing
  }

  // The selected filters as tests on the integer columns (-1: any).
  function wanted() {
    var want = {};
    filterKeys.forEach(function (key) {
      var select = el("filter-" + key);
      var value = select ? select.value : "";
      if (value === "") { want[key] = -1; return; }
      if (key === "identity" || key === "creator") { want[key] = indexOf(data.keys, value); }
      if (key === "condition") { want[key] = indexOf(data.conditions, value); }
      if (key === "prompt") { want[key] = indexOf(data.prompts.map(function (p) { return p[0]; }), value); }
      if (key === "language") { want[key] = value; }
    });
    return want;
  }

  // Per distinct text, whether it contains the search string (each text is lowered once).
  function textHits(needle) {
    if (needle === "") { return null; }
    if (state.lowered === null) { state.lowered = data.texts.map(function (t) { return t.toLowerCase(); }); }
    var hits = new Uint8Array(data.texts.length);
    for (var t = 0; t < hits.length; t += 1) { hits[t] = state.lowered[t].indexOf(needle) !== -1 ? 1 : 0; }
    return hits;
  }

  function filter() {
    var want = wanted();
    var hits = textHits(search.value.toLowerCase());
    var languageOk = data.prompts.map(function (p) { return want.language === -1 || p[1] === want.language; });
    var out = new Int32Array(total);
    var count = 0;
    for (var r = 0; r < total; r += 1) {
      if ((want.identity !== -1 && rows.identity[r] !== want.identity) ||
          (want.creator !== -1 && rows.creator[r] !== want.creator) ||
          (want.condition !== -1 && rows.condition[r] !== want.condition) ||
          (want.prompt !== -1 && rows.prompt[r] !== want.prompt) ||
          !languageOk[rows.prompt[r]] || (hits !== null && !hits[rows.text[r]])) { continue; }
      out[count] = r;
      count += 1;
    }
    state.matches = out.subarray(0, count);
    state.page = 0;
    draw();
  }

  function cell(tr, text, className) {
    var td = document.createElement("td");
    td.textContent = text;
    if (className) { td.className = className; }
    tr.appendChild(td);
    return td;
  }

  function note(parent, text, className) {
    var span = document.createElement("span");
    span.className = className || "note";
    span.textContent = text;
    parent.appendChild(span);
  }

  // The answer with its evidence marked: plain text nodes and <mark> elements holding text.
  function answer(td, r) {
    var div = document.createElement("div");
    div.className = "answer";
    var text = data.texts[rows.text[r]];
    if (rows.flags[r] & 1) {
      note(div, "error: " + text, "warn");
    } else {
      var spans = data.evidence[rows.text[r]];
      var cursor = 0;
      for (var i = 0; i < spans.length; i += 3) {
        var start = Math.max(spans[i], cursor), end = Math.min(spans[i + 1], text.length);
        if (start >= end) { continue; }
        div.appendChild(document.createTextNode(text.slice(cursor, start)));
        var mark = document.createElement("mark");
        mark.className = roles[spans[i + 2]] || "identity";
        mark.textContent = text.slice(start, end);
        div.appendChild(mark);
        cursor = end;
      }
      div.appendChild(document.createTextNode(text.slice(cursor)));
      if (rows.flags[r] & 2) { note(div, " [cut at max_tokens]"); }
    }
    td.appendChild(div);
  }

  function label(tr, column, r) {
    var td = cell(tr, data.display[data.keys[rows[column][r]]]);
    var i = reviewed[r];
    if (i !== undefined && (column === "identity" || column === "creator")) {
      var auto = data.keys[data.reviewed[column][i]];
      if (auto !== data.keys[rows[column][r]]) { note(td, " (reviewed; automatic: " + data.display[auto] + ")", "reviewed"); }
    }
  }

  function row(r) {
    var tr = document.createElement("tr");
    tr.setAttribute("data-i", String(r));
    if (rows.flags[r] & 1) { tr.className = "error"; }
    var prompt = data.prompts[rows.prompt[r]];
    cell(tr, data.conditions[rows.condition[r]]);
    cell(tr, prompt[0]);
    cell(tr, String(rows.index[r]), "num");
    cell(tr, prompt[1]);
    label(tr, "identity", r);
    label(tr, "creator", r);
    if (rows.based_on) { label(tr, "based_on", r); }
    var td = document.createElement("td");
    answer(td, r);
    if (reviewed[r] !== undefined) { note(td, "reason: " + data.reviewed.reason[reviewed[r]], "reviewed"); }
    tr.appendChild(td);
    return tr;
  }

  function draw() {
    var size = Number(pageSize.value);
    var pages = Math.max(1, Math.ceil(state.matches.length / size));
    state.page = Math.min(Math.max(state.page, 0), pages - 1);
    var fragment = document.createDocumentFragment();
    var first = state.page * size;
    var last = Math.min(first + size, state.matches.length);
    for (var k = first; k < last; k += 1) { fragment.appendChild(row(state.matches[k])); }
    body.replaceChildren(fragment);
    el("shown-count").textContent = String(state.matches.length);
    el("page-number").textContent = String(state.page + 1);
    el("page-count").textContent = String(pages);
    el("page-prev").disabled = el("page-first").disabled = state.page === 0;
    el("page-next").disabled = el("page-last").disabled = state.page >= pages - 1;
  }

  function go(page) { state.page = page; draw(); }

  var pending = null;
  filterKeys.forEach(function (key) { if (el("filter-" + key)) { el("filter-" + key).addEventListener("change", filter); } });
  search.addEventListener("input", function () {
    if (pending !== null) { clearTimeout(pending); }
    pending = setTimeout(function () { pending = null; filter(); }, 150);
  });
  pageSize.addEventListener("change", draw);
  el("page-first").addEventListener("click", function () { go(0); });
  el("page-prev").addEventListener("click", function () { go(state.page - 1); });
  el("page-next").addEventListener("click", function () { go(state.page + 1); });
  el("page-last").addEventListener("click", function () { go(Infinity); });
  el("filter-controls").hidden = false;
  el("pager").hidden = false;
  filter();
})();
