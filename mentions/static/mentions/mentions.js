/* Suggestions of members after "@" in the text areas of an element marked
   data-mentions (comment, proposal and debate forms), following the ARIA combobox
   pattern: arrows move through the list, Enter inserts the name, Escape closes.
   Without this script, typing "@Prénom Nom" works the same: the server reads names. */
(function () {
  "use strict";
  var script = document.currentScript;
  var url = script && script.dataset.url;
  // "@" at the start or after a space, then what was typed so far (a name may hold spaces).
  var TYPED = /(?:^|[\s(])@([^\s@][^@\n]{0,59})$/;
  var count = 0;

  function announce(text) {
    var region = document.getElementById("annonces");
    if (region) { region.textContent = text; }
  }

  function setup(field) {
    count += 1;
    var listId = "mention-suggestions-" + count;
    var box = document.createElement("div");
    box.className = "mention-suggestions";
    box.hidden = true;
    field.insertAdjacentElement("afterend", box);
    field.setAttribute("role", "combobox");
    field.setAttribute("aria-autocomplete", "list");
    field.setAttribute("aria-haspopup", "listbox");
    field.setAttribute("aria-expanded", "false");
    var options = [];
    var active = -1;
    var timer = null;
    var asked = 0;

    function close() {
      box.hidden = true;
      box.innerHTML = "";
      options = [];
      active = -1;
      field.setAttribute("aria-expanded", "false");
      field.removeAttribute("aria-activedescendant");
      field.removeAttribute("aria-controls");
    }

    function typed() {
      var before = field.value.slice(0, field.selectionStart);
      var match = TYPED.exec(before);
      return match && match[1].trim().length >= 2 ? match[1] : null;
    }

    function show(html) {
      box.innerHTML = html;
      var list = box.querySelector("[role=listbox]");
      var status = box.querySelector("[data-suggestions-status]");
      if (status) { announce(status.textContent); }
      if (!list) { box.hidden = !status; options = []; active = -1; return; }
      list.id = listId;
      options = Array.prototype.slice.call(list.querySelectorAll("[role=option]"));
      active = -1;
      box.hidden = false;
      field.setAttribute("aria-controls", listId);
      field.setAttribute("aria-expanded", "true");
    }

    function ask(query) {
      var number = ++asked;
      fetch(url + "?q=" + encodeURIComponent(query), {
        credentials: "same-origin",
        headers: { "HX-Request": "true" },
      }).then(function (response) {
        return response.ok ? response.text() : "";
      }).then(function (html) {
        if (number === asked) { if (html) { show(html); } else { close(); } }
      }).catch(close);
    }

    function move(step) {
      if (!options.length) { return; }
      if (active >= 0) { options[active].setAttribute("aria-selected", "false"); }
      active = (active + step + options.length) % options.length;
      options[active].setAttribute("aria-selected", "true");
      field.setAttribute("aria-activedescendant", options[active].id);
      options[active].scrollIntoView({ block: "nearest" });
    }

    function pick(option) {
      var caret = field.selectionStart;
      var before = field.value.slice(0, caret);
      var match = TYPED.exec(before);
      if (!match) { close(); return; }
      var start = caret - match[1].length - 1;
      var inserted = "@" + option.dataset.mention + " ";
      field.value = field.value.slice(0, start) + inserted + field.value.slice(caret);
      var end = start + inserted.length;
      field.setSelectionRange(end, end);
      close();
      field.focus();
    }

    field.addEventListener("input", function () {
      var query = typed();
      clearTimeout(timer);
      if (!query) { close(); return; }
      timer = setTimeout(function () { ask(query); }, 200);
    });
    field.addEventListener("keydown", function (event) {
      if (box.hidden || !options.length) {
        if (event.key === "Escape" && !box.hidden) { close(); event.preventDefault(); }
        return;
      }
      if (event.key === "ArrowDown") { move(1); event.preventDefault(); }
      else if (event.key === "ArrowUp") { move(-1); event.preventDefault(); }
      else if (event.key === "Enter" && active >= 0) { pick(options[active]); event.preventDefault(); }
      else if (event.key === "Escape") { close(); event.preventDefault(); }
    });
    field.addEventListener("blur", function () { setTimeout(close, 200); });
    box.addEventListener("mousedown", function (event) {
      var option = event.target.closest("[role=option]");
      if (option) { event.preventDefault(); pick(option); }
    });
  }

  if (!url) { return; }
  document.addEventListener("focusin", function (event) {
    var field = event.target;
    if (field.tagName !== "TEXTAREA" || field.dataset.mentionsReady) { return; }
    if (!field.closest("[data-mentions]")) { return; }
    field.dataset.mentionsReady = "true";
    setup(field);
  });
})();
