// zhinan site search: filters the item list by name or code, from the index inlined in the page.
// The query can come from the address (index.html?q=… or #q=…), so a link can open a search.
(function () {
  "use strict";
  var data = document.getElementById("search-index");
  var input = document.getElementById("q");
  var list = document.getElementById("items");
  if (!data || !input || !list) { return; }
  var index = JSON.parse(data.textContent);
  var rows = {};
  Array.prototype.forEach.call(list.children, function (li) { rows[li.getAttribute("data-key")] = li; });
  var count = document.getElementById("count");
  var none = document.getElementById("none");
  // Spaces and width differences (（ vs () do not matter; case does not matter for codes.
  function norm(s) {
    return (s || "").toLowerCase().replace(/\s+/g, "").replace(/[\uff08]/g, "(").replace(/[\uff09]/g, ")");
  }
  function run() {
    var q = norm(input.value);
    var shown = 0;
    index.forEach(function (e) {
      var hit = q === "" || norm(e.name).indexOf(q) >= 0 || norm(e.code).indexOf(q) >= 0;
      var li = rows[e.key];
      if (li) { li.hidden = !hit; }
      if (hit) { shown += 1; }
    });
    count.textContent = q === "" ? "共 " + index.length + " 个事项" : "找到 " + shown + " 个事项";
    none.hidden = shown !== 0;
  }
  var params = new URLSearchParams(location.search || location.hash.replace(/^#/, "?"));
  if (params.get("q")) { input.value = params.get("q"); }
  input.addEventListener("input", run);
  run();
  // Marks the page as searched (for tests that read the DOM back).
  document.documentElement.setAttribute("data-search", input.value === "" ? "ready" : "done");
})();
