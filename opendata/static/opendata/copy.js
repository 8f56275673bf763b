// Widget generator: a "copy" button beside each code field (the fields are readable and
// selectable without JavaScript; the buttons stay hidden then).
document.querySelectorAll("[data-copy]").forEach(function (button) {
  var field = document.getElementById(button.dataset.copy);
  if (!field || !navigator.clipboard) return;
  button.hidden = false;
  button.addEventListener("click", function () {
    navigator.clipboard.writeText(field.value).then(function () {
      var status = document.querySelector(".copy-status");
      if (status) status.textContent = "Code copié.";
    });
  });
});
