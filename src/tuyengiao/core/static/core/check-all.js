// "Chọn tất cả": <input type="checkbox" data-check-all="NAME"> ticks or clears every enabled checkbox
// named NAME in its form. A static file, not an onclick attribute: the Content-Security-Policy
// runs no inline event handlers.
document.addEventListener('change', function (event) {
  var box = event.target;
  if (!(box instanceof HTMLInputElement) || !box.dataset.checkAll) return;
  var scope = box.form || document;
  scope.querySelectorAll('input[type=checkbox][name="' + box.dataset.checkAll + '"]:not(:disabled)')
    .forEach(function (other) { other.checked = box.checked; });
});
