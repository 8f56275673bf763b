// The site's few behaviours, as a file: the Content-Security-Policy runs no inline script.
// A read-only field marked data-select-on-focus (a link to share) selects its text on focus.
document.addEventListener("focusin", (event) => {
  if (event.target.matches && event.target.matches("[data-select-on-focus]")) {
    event.target.select();
  }
});

// After an htmx swap (vote, registration, follow, comment, reply...), the swapped content
// says where the focus goes and what to announce: the first element marked
// data-focus-after-swap takes the focus (made focusable if it is not), and the text of the
// first element marked data-announce is read by the page's live region #annonces.
// htmx fires htmx:afterSwap on each element it inserted (or on the target for an inner swap).
function firstMarked(root, attribute) {
  const selector = "[" + attribute + "]";
  return root.matches(selector) ? root : root.querySelector(selector);
}

function announce(text) {
  const region = document.getElementById("annonces");
  if (!region || !text) {
    return;
  }
  // Emptied first, so that the same message twice in a row is read twice.
  region.textContent = "";
  window.setTimeout(() => {
    region.textContent = text;
  }, 50);
}

document.addEventListener("htmx:afterSwap", (event) => {
  const root = event.target;
  if (!(root instanceof Element)) {
    return;
  }
  const target = firstMarked(root, "data-focus-after-swap");
  if (target) {
    if (target.tabIndex < 0 && !target.hasAttribute("tabindex")) {
      target.setAttribute("tabindex", "-1");
    }
    target.focus();
  }
  const message = firstMarked(root, "data-announce");
  if (message) {
    announce(message.textContent.trim());
  }
});

// The menu button of the narrow header (a <details>): its summary says whether the menu
// is open to assistive technologies, which <details> alone does not always do.
document.querySelectorAll("[data-menu]").forEach((menu) => {
  const summary = menu.querySelector("summary");
  const sync = () => summary.setAttribute("aria-expanded", menu.open ? "true" : "false");
  sync();
  menu.addEventListener("toggle", sync);
});
