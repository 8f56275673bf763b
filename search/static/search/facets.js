// The search page's facets come before the results, in a <details> closed on a phone so
// that the results stay one screen away; on a wider screen they are opened at load.
document.querySelectorAll("details[data-open-from]").forEach((details) => {
  if (window.matchMedia(`(min-width: ${details.dataset.openFrom})`).matches) details.open = true;
});
