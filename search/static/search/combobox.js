// Search boxes with suggestions follow the ARIA combobox pattern (list autocomplete):
// the input keeps the focus; Down and Up move through the options (aria-activedescendant),
// Enter opens the active one, Escape closes the list; a click opens an option too.
// htmx fills the list (search/includes/suggestions.html); without JavaScript the form
// simply submits. Loaded by every search box, so it sets itself up once.
(() => {
  if (window.maillageCombobox) return;
  window.maillageCombobox = true;

  const popupOf = (input) => document.getElementById(`${input.id}-suggestions`);
  const optionsOf = (input) =>
    Array.from(popupOf(input)?.querySelectorAll('[role="option"]') || []);

  function setActive(input, index) {
    const options = optionsOf(input);
    options.forEach((option, i) => {
      option.setAttribute("aria-selected", i === index ? "true" : "false");
      option.classList.toggle("is-active", i === index);
    });
    if (index >= 0 && options[index]) {
      input.setAttribute("aria-activedescendant", options[index].id);
      options[index].scrollIntoView({ block: "nearest" });
    } else {
      input.removeAttribute("aria-activedescendant");
    }
  }

  function expand(input, open) {
    const popup = popupOf(input);
    const visible = open && optionsOf(input).length > 0;
    input.setAttribute("aria-expanded", visible ? "true" : "false");
    if (popup) popup.hidden = !visible;
    if (!visible) setActive(input, -1);
  }

  const activeIndex = (input) =>
    optionsOf(input).findIndex((option) => option.getAttribute("aria-selected") === "true");

  function open(option) {
    if (option?.dataset.href) window.location.assign(option.dataset.href);
  }

  document.addEventListener("keydown", (event) => {
    const input = event.target;
    if (!input.matches?.("input[data-combobox]")) return;
    const options = optionsOf(input);
    const expanded = input.getAttribute("aria-expanded") === "true";
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (!options.length) return;
      event.preventDefault();
      if (!expanded) expand(input, true);
      const step = event.key === "ArrowDown" ? 1 : -1;
      const current = activeIndex(input);
      const next = current < 0 && step < 0 ? options.length - 1 : (current + step + options.length) % options.length;
      setActive(input, next);
    } else if (event.key === "Enter" && expanded && activeIndex(input) >= 0) {
      event.preventDefault();
      open(options[activeIndex(input)]);
    } else if (event.key === "Escape" && expanded) {
      event.preventDefault();
      expand(input, false);
    }
  });

  // New suggestions arrived: the list is open, nothing active yet.
  document.addEventListener("htmx:afterSwap", (event) => {
    const input = document.querySelector(`input[data-combobox][id="${event.target.id.replace(/-suggestions$/, "")}"]`);
    if (input && event.target.id.endsWith("-suggestions")) expand(input, document.activeElement === input);
  });

  // mousedown, not click: the input would lose the focus and close the list first.
  document.addEventListener("mousedown", (event) => {
    const option = event.target.closest?.('.search-box__suggestions [role="option"]');
    if (option) {
      event.preventDefault();
      open(option);
    }
  });

  document.addEventListener("focusout", (event) => {
    if (event.target.matches?.("input[data-combobox]")) expand(event.target, false);
  });
})();
