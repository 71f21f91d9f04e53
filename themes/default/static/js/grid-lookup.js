// 我的网格: type a building ("3号楼", "3", "３号") and see its grid.
// Without JavaScript the page already lists every building grouped by
// community; this script only adds the search box and filters that list.
(function () {
  "use strict";
  var form = document.getElementById("lookup-form");
  var input = document.getElementById("building-query");
  var result = document.getElementById("lookup-result");
  var index = document.getElementById("building-index");
  if (!form || !input || !result || !index) return;
  form.hidden = false;

  // Full-width digits to ASCII, no spaces, and the building word dropped,
  // so "３号楼", "3号", "3栋" and "3" all mean the same building.
  function normalize(s) {
    s = String(s).replace(/[\uFF10-\uFF19]/g, function (c) {
      return String.fromCharCode(c.charCodeAt(0) - 0xFF10 + 48);
    });
    s = s.replace(/\s+/g, "");
    return s.replace(/(号楼|号|栋|幢|楼)$/, "");
  }

  var groups = Array.prototype.slice.call(index.querySelectorAll(".building-group"));
  var items = Array.prototype.slice.call(index.querySelectorAll("li[data-building]"));

  function show(query) {
    var q = normalize(query);
    var exact = [];
    items.forEach(function (li) {
      var b = normalize(li.getAttribute("data-building"));
      var match = q === "" || b.indexOf(q) !== -1;
      li.hidden = !match;
      if (q !== "" && b === q) exact.push(li);
    });
    groups.forEach(function (g) {
      g.hidden = !g.querySelector("li[data-building]:not([hidden])");
    });
    result.textContent = "";
    if (q === "") {
      result.hidden = true;
      return;
    }
    result.hidden = false;
    if (exact.length === 0) {
      var p = document.createElement("p");
      p.textContent = "没有找到“" + query.trim() + "”，请看下面相近的楼号，或致电社区居委会。";
      result.appendChild(p);
      return;
    }
    var ul = document.createElement("ul");
    ul.className = "lookup-matches";
    exact.forEach(function (li) {
      var group = li.closest(".building-group");
      var item = document.createElement("li");
      var title = document.createElement("p");
      title.className = "lookup-match";
      title.textContent = (group ? group.getAttribute("data-community") + " " : "") +
        li.getAttribute("data-building") + " 属于 ";
      var link = li.querySelector("a").cloneNode(false);
      link.textContent = li.getAttribute("data-grid");
      title.appendChild(link);
      item.appendChild(title);
      var tel = li.querySelector("a.tel");
      if (tel) {
        var call = tel.cloneNode(true);
        call.classList.add("button");
        item.appendChild(call);
      }
      ul.appendChild(item);
    });
    result.appendChild(ul);
  }

  input.addEventListener("input", function () { show(input.value); });
  form.addEventListener("submit", function (e) { e.preventDefault(); show(input.value); });
  // The home page's 我的网格 box opens this page with ?building=3号楼.
  var asked = new URLSearchParams(window.location.search).get("building");
  if (asked) input.value = asked;
  if (input.value) show(input.value);
})();
