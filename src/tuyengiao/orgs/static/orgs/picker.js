/* The unit picker (orgs/picker.py): choose units from the results fetched by htmx, as chips that
   are checked checkboxes of the field's name. Keyboard: ↓ from the search box into the results,
   ↑/↓ between them, Enter or Space to choose, Esc back to the search box. */
(function () {
  if (window.unitPickerReady) return;
  window.unitPickerReady = true;

  function esc(text) {
    var d = document.createElement("div");
    d.textContent = text || "";
    return d.innerHTML;
  }

  function dedupe(list) {
    var seen = {};
    list.querySelectorAll("li.chip").forEach(function (li) {
      var pk = li.getAttribute("data-pk");
      if (seen[pk]) li.remove();
      seen[pk] = true;
    });
  }

  function choose(picker, button) {
    var list = picker.querySelector(".picker-chosen");
    var pk = button.getAttribute("data-pk");
    var multiple = picker.getAttribute("data-multiple") === "1";
    if (!multiple) list.innerHTML = "";
    if (list.querySelector('li.chip[data-pk="' + pk + '"]')) return;
    var li = document.createElement("li");
    li.className = "chip";
    li.setAttribute("data-pk", pk);
    var path = button.getAttribute("data-path");
    li.innerHTML = '<label title="' + esc(path) + '"><input type="checkbox" name="' +
      esc(picker.getAttribute("data-name")) + '" value="' + esc(pk) + '" checked> <span class="chip-name">' +
      esc(button.getAttribute("data-name")) + "</span>" + (path ? ' <small class="muted">' + esc(path) + "</small>" : "") +
      "</label>";
    list.appendChild(li);
    button.setAttribute("aria-pressed", "true");
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest(".unit-picker .picker-pick");
    if (!button) return;
    event.preventDefault();
    choose(button.closest(".unit-picker"), button);
  });

  document.addEventListener("change", function (event) {
    var box = event.target;
    if (box.matches(".unit-picker .picker-chosen input[type=checkbox]") && !box.checked) {
      box.closest("li.chip").remove();
    }
  });

  document.addEventListener("keydown", function (event) {
    var picker = event.target.closest && event.target.closest(".unit-picker");
    if (!picker) return;
    var picks = Array.prototype.slice.call(picker.querySelectorAll(".picker-results .picker-pick"));
    var search = picker.querySelector('input[type="search"]');
    var at = picks.indexOf(event.target);
    if (event.key === "ArrowDown") {
      if (event.target === search && picks.length) { picks[0].focus(); event.preventDefault(); }
      else if (at >= 0 && at + 1 < picks.length) { picks[at + 1].focus(); event.preventDefault(); }
    } else if (event.key === "ArrowUp" && at >= 0) {
      (at > 0 ? picks[at - 1] : search).focus();
      event.preventDefault();
    } else if (event.key === "Escape" && at >= 0) {
      search.focus();
      event.preventDefault();
    } else if (event.key === "Enter" && event.target === search) {
      event.preventDefault(); // Enter in the search box searches, it does not submit the form
      if (picks.length === 1) choose(picker, picks[0]);
    }
  });

  document.addEventListener("htmx:afterSwap", function (event) {
    if (event.target.classList && event.target.classList.contains("picker-chosen")) dedupe(event.target);
  });
})();
