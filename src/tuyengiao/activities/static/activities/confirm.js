// Ask before a form marked data-confirm is sent (the CSP forbids inline handlers).
document.addEventListener("submit", function (event) {
  var message = event.target.dataset ? event.target.dataset.confirm : "";
  if (message && !window.confirm(message)) event.preventDefault();
});
