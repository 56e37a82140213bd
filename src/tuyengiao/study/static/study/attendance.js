// Attendance list: search filter (accent-insensitive), tick all visible, live counter. No framework.
(function () {
  var form = document.getElementById("attendance-form");
  if (!form) return;
  var boxes = Array.prototype.slice.call(form.querySelectorAll('input[name="p"]'));
  var items = Array.prototype.slice.call(form.querySelectorAll(".study-list li"));
  var count = document.getElementById("study-count");
  function fold(s) {
    return s.replace(/đ/g, "d").replace(/Đ/g, "D").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/\s+/g, " ").trim();
  }
  function recount() { count.textContent = boxes.filter(function (b) { return b.checked; }).length; }
  form.addEventListener("change", recount);
  document.getElementById("study-filter").addEventListener("input", function (e) {
    var q = fold(e.target.value);
    items.forEach(function (li) { li.hidden = q && li.dataset.name.indexOf(q) === -1; });
  });
  document.getElementById("study-tick-all").addEventListener("change", function (e) {
    items.forEach(function (li) {
      var box = li.querySelector("input");
      if (!li.hidden && !box.disabled) box.checked = e.target.checked;
    });
    recount();
  });
})();
