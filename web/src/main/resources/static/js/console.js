// Same-origin script (the Content-Security-Policy allows no inline script): "select all" boxes.
document.addEventListener('change', function (event) {
  var box = event.target;
  if (box.matches('input[data-select-all]')) {
    document.querySelectorAll('input[name="' + box.getAttribute('data-select-all') + '"]')
      .forEach(function (other) { other.checked = box.checked; });
  }
});
