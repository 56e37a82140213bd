// The rich-text editor (core.richtext): every <textarea data-richtext> becomes a ProseMirror
// editor built from the bundle of django-prose-editor (served from our static files; the page's
// import map names it). The editor keeps the textarea's value up to date as HTML; the server
// sanitises it again (nh3) before saving.
//
// Why not the package's own scripts: they let Tiptap inject a <style> element without a nonce,
// which the Content-Security-Policy blocks. Here the editor is made with injectCSS: false and the
// same rules come from core/richtext.css.
import {
  Blockquote, Bold, BulletList, Document, Dropcursor, Editor, Gapcursor, HardBreak, Heading,
  History, Italic, Link, ListItem, Menu, OrderedList, Paragraph, Text, Underline,
} from "django-prose-editor/editor";

// The menu's buttons are named by their icon; their tooltips in Vietnamese.
const TITLES = {
  format_bold: "Chữ đậm",
  format_italic: "Chữ nghiêng",
  format_underline: "Gạch chân",
  format_list_bulleted: "Danh sách gạch đầu dòng",
  format_list_numbered: "Danh sách đánh số",
  format_quote: "Trích dẫn",
  insert_link: "Chèn liên kết",
  link_off: "Bỏ liên kết",
  notes: "Đoạn văn",
  title: "Tiêu đề nhỏ",
  undo: "Hoàn tác",
  redo: "Làm lại",
  format_list_numbered_rtl: "Thuộc tính danh sách",
};
const OPTIONS = { Paragraph: "Đoạn văn", "Heading 3": "Tiêu đề mục", "Heading 4": "Tiêu đề nhỏ" };

function translate(wrapper) {
  wrapper.querySelectorAll("button.material-icons").forEach((button) => {
    const title = TITLES[button.textContent.trim()];
    if (title) {
      button.title = title;
      button.setAttribute("aria-label", title);
    }
  });
  wrapper.querySelectorAll("p, h3, h4").forEach((node) => {
    if (!node.closest(".ProseMirror[contenteditable]") && OPTIONS[node.textContent]) {
      node.textContent = OPTIONS[node.textContent];
    }
  });
}

function attach(textarea) {
  if (textarea.closest(".prose-editor")) return;
  const wrapper = document.createElement("div");
  wrapper.className = "prose-editor";
  textarea.before(wrapper);
  wrapper.append(textarea);
  const editor = new Editor({
    element: wrapper,
    injectCSS: false,
    editable: !textarea.disabled,
    content: textarea.value,
    extensions: [
      Document, Paragraph, Text, HardBreak, History, Dropcursor, Gapcursor, Menu,
      Bold, Italic, Underline, BulletList, OrderedList, ListItem, Blockquote,
      Heading.configure({ levels: [3, 4] }),
      Link.configure({ enableTarget: false, protocols: ["http", "https", "mailto"] }),
    ],
    // Tiptap builds the menu bar once the editor is mounted, after this constructor returns.
    onCreate() {
      translate(wrapper);
    },
    onUpdate({ editor: changed }) {
      const html = changed.getHTML();
      // An empty editor still holds one empty paragraph: that is no text.
      textarea.value = /^<(\w+)(\s[^>]*)?><\/\1>$/i.test(html) ? "" : html;
    },
  });
  editor.view.dom.setAttribute("aria-label", textarea.labels[0]?.textContent.trim() || "Nội dung");
  const label = textarea.labels[0];
  if (label) {
    // The label's "for" names the hidden textarea: a click on it focuses the editor instead.
    label.addEventListener("click", (event) => {
      event.preventDefault();
      editor.commands.focus();
    });
  }
}

document.querySelectorAll("textarea[data-richtext]").forEach(attach);
