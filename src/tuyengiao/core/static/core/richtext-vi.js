// The rich-text editor's dialogs in Vietnamese. The editor's bundle (django-prose-editor) reads
// its texts through window.gettext when it loads, so this classic script runs before the module.
// Only set when the page has no Django JavaScript catalogue of its own.
(function () {
  "use strict";
  var texts = {
    "Edit Link": "Sửa liên kết",
    "URL": "Địa chỉ (http://, https:// hoặc mailto:)",
    "Title": "Tiêu đề",
    "Open in new window": "Mở trong cửa sổ mới",
    "Update": "Cập nhật",
    "Insert": "Chèn",
    "Cancel": "Hủy",
    "List properties": "Thuộc tính danh sách",
    "List type": "Kiểu đánh số",
    "Start at": "Bắt đầu từ",
    "Decimal numbers": "Số 1, 2, 3",
    "Lowercase letters": "Chữ a, b, c",
    "Uppercase letters": "Chữ A, B, C",
    "Lowercase Roman numerals": "Số La Mã i, ii, iii",
    "Uppercase Roman numerals": "Số La Mã I, II, III",
    "Bullets": "Gạch đầu dòng"
  };
  if (typeof window.gettext !== "function") {
    window.gettext = function (text) {
      return Object.prototype.hasOwnProperty.call(texts, text) ? texts[text] : text;
    };
  }
})();
