// The saves of the submission page (#report-form).
//
// Autosaves (htmx, on change and after typing) can overtake each other on the network: a save
// of "…a" sent before "…ab" may arrive after it. Each save attempt therefore carries the next
// number of this page's sequence ("seq"); the server keeps the highest it stored for the page's
// token and answers an older save that arrives late with 409 and "X-Autosave: superseded",
// which is dropped here without a word: the newer save is already stored. A change made by
// another person or tab (another token) still gets the reconcile screen.
(function () {
  "use strict";
  var seq = 0;

  function isReportForm(elt) {
    return !!elt && elt.id === "report-form";
  }

  function nextSeq() {
    seq += 1;
    var input = document.getElementById("seq");
    if (input) input.value = String(seq);
    return String(seq);
  }

  document.addEventListener("htmx:configRequest", function (e) {
    if (isReportForm(e.detail.elt)) e.detail.parameters.seq = nextSeq();
  });

  // A native submit ("Nộp báo cáo" / "Lưu nháp") is the page's last save: it gets the next
  // number (the entry list is built after this event) and stops the pending autosaves.
  document.addEventListener("submit", function (e) {
    if (!isReportForm(e.target)) return;
    nextSeq();
    e.target.dataset.submitting = "1";
  });

  document.addEventListener("htmx:confirm", function (e) {
    var form = document.getElementById("report-form");
    if (form && form.dataset.submitting) e.preventDefault();
  });

  document.addEventListener("htmx:beforeSwap", function (e) {
    if (!isReportForm(e.detail.elt)) return;
    var xhr = e.detail.xhr;
    if (xhr.status === 409 && xhr.getResponseHeader("X-Autosave") === "superseded") {
      e.detail.shouldSwap = false;
      e.detail.isError = false;
    } else if (xhr.status === 400) {
      // A save refused as malformed: show why in the autosave line (nothing typed is lost).
      e.detail.shouldSwap = true;
      e.detail.isError = false;
    }
  });
})();
