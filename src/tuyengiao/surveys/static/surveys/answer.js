// Skip logic: a question shown only for one option of an earlier question (checked again on the server).
(function () {
  function update() {
    document.querySelectorAll("[data-show-if]").forEach(function (box) {
      var chosen = document.querySelector('input[name="q' + box.dataset.showIf + '"]:checked');
      box.hidden = !(chosen && chosen.value === box.dataset.showOption);
    });
  }
  document.addEventListener("change", update);
  update();
})();
