// The site's few behaviours, as a file: the Content-Security-Policy runs no inline script.
// A read-only field marked data-select-on-focus (a link to share) selects its text on focus.
document.addEventListener("focusin", (event) => {
  if (event.target.matches && event.target.matches("[data-select-on-focus]")) {
    event.target.select();
  }
});
