// The inspector's checklist (#visit-form): each line saves itself (htmx, on change and after
// typing); what the server has not confirmed yet is also kept in this browser (localStorage), so
// a dropped connection, or a page reloaded while offline, loses no finding. When the connection
// comes back the unsent lines are sent again; on the next load a kept value that differs from
// the server's is put back into the form and shown, and the kept copy is dropped once every line
// is saved.
(function () {
  "use strict";
  var form = document.getElementById("visit-form");
  if (!form) return;
  var key = "tuyengiao:" + form.dataset.draftKey;
  var offlineNote = document.getElementById("offline-note");
  var restoredNote = document.getElementById("restored-note");
  var dirty = {};

  function values() {
    var out = {};
    form.querySelectorAll("input[type=radio][name$='-finding']").forEach(function (el) {
      if (!(el.name in out)) out[el.name] = "";
      if (el.checked) out[el.name] = el.value;
    });
    form.querySelectorAll("textarea[name$='-note']").forEach(function (el) {
      out[el.name] = el.value;
    });
    return out;
  }

  function lineOf(el) {
    return el && el.closest ? el.closest("section.line") : null;
  }

  function keep() {
    var ids = Object.keys(dirty);
    try {
      if (ids.length) {
        localStorage.setItem(key, JSON.stringify({ values: values(), lines: ids }));
      } else {
        localStorage.removeItem(key);
      }
    } catch (e) {
      /* storage full or disabled: the form itself still holds the values */
    }
  }

  function setValue(name, value) {
    var changed = false;
    form.querySelectorAll("[name='" + name + "']").forEach(function (el) {
      if (el.type === "radio") {
        var want = el.value === value;
        if (el.checked !== want) {
          el.checked = want;
          changed = true;
        }
      } else if (el.value !== value) {
        el.value = value;
        changed = true;
      }
    });
    return changed;
  }

  function showOffline(on) {
    if (offlineNote) offlineNote.hidden = !on;
  }

  function resend() {
    Object.keys(dirty).forEach(function (id) {
      var line = document.getElementById(id);
      if (line && window.htmx) window.htmx.trigger(line, "resend");
    });
  }

  // Restore what the last visit of this page could not send.
  var kept = null;
  try {
    kept = JSON.parse(localStorage.getItem(key) || "null");
  } catch (e) {
    kept = null;
  }
  if (kept && kept.values) {
    var restored = 0;
    Object.keys(kept.values).forEach(function (name) {
      if (setValue(name, kept.values[name])) {
        restored += 1;
        var line = lineOf(form.querySelector("[name='" + name + "']"));
        if (line) dirty[line.id] = true;
      }
    });
    if (restored && restoredNote) {
      restoredNote.hidden = false;
      restoredNote.textContent =
        "Đã khôi phục " + restored + " kết quả nhập trên máy này nhưng chưa gửi được lên máy chủ. " +
        "Kiểm tra lại rồi bấm “Lưu kết quả kiểm tra”.";
    }
    keep();
    if (navigator.onLine) resend();
  }

  function edited(e) {
    var line = lineOf(e.target);
    if (!line) return;
    dirty[line.id] = true;
    keep();
  }
  form.addEventListener("input", edited);
  form.addEventListener("change", edited);

  document.addEventListener("htmx:afterRequest", function (e) {
    var line = lineOf(e.detail.elt);
    if (!line || !line.classList.contains("line")) return;
    if (e.detail.successful) {
      delete dirty[line.id];
      keep();
      showOffline(false);
    } else if (!e.detail.xhr || !e.detail.xhr.status) {
      showOffline(true);
    }
  });
  document.addEventListener("htmx:sendError", function () {
    showOffline(true);
  });
  // An autosave the server refused shows its reason in the line (nothing typed is lost).
  document.addEventListener("htmx:beforeSwap", function (e) {
    if (lineOf(e.detail.elt) && e.detail.xhr.status >= 400) {
      e.detail.shouldSwap = true;
      e.detail.isError = false;
    }
  });
  window.addEventListener("offline", function () {
    showOffline(true);
  });
  window.addEventListener("online", function () {
    showOffline(false);
    resend();
  });
  form.addEventListener("submit", function (e) {
    if (!navigator.onLine) {
      e.preventDefault();
      showOffline(true);
      return;
    }
    keep();
  });
})();
