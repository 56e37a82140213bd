// Upload with drag and drop and a progress bar (XMLHttpRequest upload events, no library).
(function () {
  var form = document.getElementById('upload-form');
  if (!form) return;
  var input = form.querySelector('input[type=file]');
  var zone = document.getElementById('dropzone');
  var bar = document.getElementById('upload-bar');
  var status = document.getElementById('upload-status');
  var errors = document.getElementById('upload-errors');
  ['dragenter', 'dragover'].forEach(function (ev) {
    zone.addEventListener(ev, function (e) { e.preventDefault(); zone.classList.add('over'); });
  });
  ['dragleave', 'drop'].forEach(function (ev) {
    zone.addEventListener(ev, function (e) { e.preventDefault(); zone.classList.remove('over'); });
  });
  zone.addEventListener('drop', function (e) {
    if (e.dataTransfer && e.dataTransfer.files.length) {
      input.files = e.dataTransfer.files;
      zone.textContent = Array.prototype.map.call(input.files, function (f) { return f.name; }).join(', ');
    }
  });
  form.addEventListener('submit', function (e) {
    // More files than the server takes in one post: say so now rather than after the upload.
    var maxFiles = parseInt(form.dataset.maxFiles, 10);
    if (maxFiles && input.files && input.files.length > maxFiles) {
      e.preventDefault();
      errors.textContent = '';
      var box = document.createElement('div'); box.className = 'errorbox'; box.textContent = form.dataset.tooMany; errors.appendChild(box);
      return;
    }
    if (!window.XMLHttpRequest || !window.FormData) return;  // plain form post still works
    e.preventDefault();
    var xhr = new XMLHttpRequest();
    xhr.open('POST', form.action || window.location.href);
    xhr.setRequestHeader('X-Requested-With', 'XMLHttpRequest');
    bar.hidden = false;
    errors.textContent = '';
    xhr.upload.addEventListener('progress', function (ev) {
      if (ev.lengthComputable) {
        var pct = Math.round(100 * ev.loaded / ev.total);
        bar.firstElementChild.style.width = pct + '%';
        status.textContent = 'Đang tải lên: ' + pct + '%';
      }
    });
    xhr.upload.addEventListener('load', function () { status.textContent = 'Đã tải lên, đang đọc văn bản…'; });
    xhr.addEventListener('load', function () {
      var data = {};
      try { data = JSON.parse(xhr.responseText); } catch (err) { data = {errors: ['Lỗi máy chủ (' + xhr.status + ').']}; }
      if (data.errors && data.errors.length) {
        data.errors.forEach(function (msg) {
          var box = document.createElement('div'); box.className = 'errorbox'; box.textContent = msg; errors.appendChild(box);
        });
      }
      if (data.redirect && xhr.status < 400) { window.location.href = data.redirect; return; }
      status.textContent = '';
      bar.hidden = true;
    });
    xhr.addEventListener('error', function () { status.textContent = 'Mất kết nối khi tải lên; hãy thử lại.'; });
    xhr.send(new FormData(form));
  });
})();
