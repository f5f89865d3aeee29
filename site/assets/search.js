// Mathbook's offline search over window.MATHBOOK_SEARCH (set by search-index.js), as you type.
// Every query word must occur in a section's heading or text; hits in headings and titles rank first.
// "/" focuses the box, Escape clears it, ArrowDown/ArrowUp pick a result, Enter opens it;
// a page opened with ?q=words searches for them at once.
(function () {
  "use strict";

  var MAX_RESULTS = 20;
  var input = document.getElementById("mathbook-search");
  var list = document.getElementById("mathbook-search-results");
  if (!input || !list) return;
  var status = document.getElementById("mathbook-search-status");
  var pages = Array.isArray(window.MATHBOOK_SEARCH) ? window.MATHBOOK_SEARCH : [];
  var entries = [];
  var selected = -1;

  pages.forEach(function (page, pageOrder) {
    if (!page || typeof page.href !== "string") return;
    var title = String(page.title || "");
    (Array.isArray(page.sections) ? page.sections : []).forEach(function (section, sectionOrder) {
      if (!section) return;
      var heading = String(section.heading || title), text = String(section.text || "");
      entries.push({
        title: title, heading: heading, text: text, order: pageOrder * 100000 + sectionOrder,
        href: page.href + (section.anchor ? "#" + section.anchor : ""),
        lowTitle: title.toLowerCase(), lowHeading: heading.toLowerCase(), lowText: text.toLowerCase()
      });
    });
  });

  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-expanded", "false");
  list.setAttribute("role", "listbox");

  function occurrences(haystack, word) {
    var n = 0, at = haystack.indexOf(word);
    while (at !== -1 && n < 5) { n += 1; at = haystack.indexOf(word, at + word.length); }
    return n;
  }

  // 0 when a word is missing; otherwise heading hits (more at a word's start), title hits, text hits.
  function score(entry, words) {
    var total = 0;
    for (var i = 0; i < words.length; i += 1) {
      var word = words[i], at = entry.lowHeading.indexOf(word), inText = occurrences(entry.lowText, word);
      if (at === -1 && inText === 0) return 0;
      if (at !== -1) total += at === 0 || /[\s(\-–—:,.]/.test(entry.lowHeading.charAt(at - 1)) ? 20 : 12;
      if (entry.lowTitle.indexOf(word) !== -1) total += 6;
      total += inText;
    }
    var phrase = words.join(" ");
    if (words.length > 1 && (entry.lowHeading.indexOf(phrase) !== -1 || entry.lowText.indexOf(phrase) !== -1)) total += 8;
    return total;
  }

  // About 160 characters of the text around its first hit, cut at spaces.
  function snippet(entry, words) {
    var text = entry.text, first = -1;
    words.forEach(function (word) {
      var at = entry.lowText.indexOf(word);
      if (at !== -1 && (first === -1 || at < first)) first = at;
    });
    var start = Math.max(0, (first === -1 ? 0 : first) - 50), end = Math.min(text.length, start + 160);
    var piece = text.slice(start, end);
    if (start > 0) piece = "… " + piece.replace(/^\S*\s+/, "");
    if (end < text.length) piece = piece.replace(/\s+\S*$/, "") + " …";
    return piece;
  }

  // A <span> holding `text` as text nodes, each hit of a query word inside a <mark>.
  function marked(className, text, words) {
    var element = document.createElement("span"), low = text.toLowerCase(), position = 0;
    element.className = className;
    while (position < text.length) {
      var next = -1, length = 0;
      words.forEach(function (word) {
        var at = low.indexOf(word, position);
        if (at !== -1 && (next === -1 || at < next || (at === next && word.length > length))) { next = at; length = word.length; }
      });
      if (next === -1) break;
      if (next > position) element.appendChild(document.createTextNode(text.slice(position, next)));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(next, next + length);
      element.appendChild(mark);
      position = next + length;
    }
    if (position < text.length) element.appendChild(document.createTextNode(text.slice(position)));
    return element;
  }

  function say(text) {
    if (status) status.textContent = text;
  }

  function select(position) {
    var options = list.children;
    if (options.length === 0) return;
    selected = (position + options.length) % options.length;
    for (var i = 0; i < options.length; i += 1) options[i].setAttribute("aria-selected", i === selected ? "true" : "false");
    input.setAttribute("aria-activedescendant", options[selected].id);
    options[selected].scrollIntoView({ block: "nearest" });
  }

  function search() {
    var words = input.value.toLowerCase().split(/\s+/).filter(function (word) { return word !== ""; });
    while (list.firstChild) list.removeChild(list.firstChild);
    list.hidden = true;
    selected = -1;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    if (words.length === 0) return say("");
    if (entries.length === 0) return say("Search is not available: the search index is missing.");
    var found = [];
    entries.forEach(function (entry) {
      var value = score(entry, words);
      if (value > 0) found.push({ entry: entry, score: value });
    });
    found.sort(function (a, b) { return b.score - a.score || a.entry.order - b.entry.order; });
    found.slice(0, MAX_RESULTS).forEach(function (result, position) {
      var entry = result.entry, item = document.createElement("li"), link = document.createElement("a");
      item.id = "mathbook-result-" + position;
      item.setAttribute("role", "option");
      item.setAttribute("aria-selected", "false");
      link.href = entry.href;
      link.tabIndex = -1;
      if (entry.heading !== entry.title) link.appendChild(marked("result-page", entry.title, []));
      link.appendChild(marked("result-heading", entry.heading, words));
      if (entry.text !== "") link.appendChild(marked("result-snippet", snippet(entry, words), words));
      item.appendChild(link);
      list.appendChild(item);
    });
    if (found.length === 0) return say("No results for \u201c" + input.value.trim() + "\u201d.");
    list.hidden = false;
    input.setAttribute("aria-expanded", "true");
    say(found.length > MAX_RESULTS ? "The first " + MAX_RESULTS + " of " + found.length + " results."
      : found.length === 1 ? "1 result." : found.length + " results.");
  }

  function openSelected() {
    var item = list.hidden ? null : list.children[selected === -1 ? 0 : selected];
    var link = item && item.querySelector("a");
    if (link) window.location.href = link.href;
  }

  // Opens the phone menu the box is in (where the menu always shows, its summary is hidden).
  function reveal() {
    var menu = input.closest ? input.closest("details") : null;
    var summary = menu && menu.querySelector("summary");
    if (menu && !menu.open && summary && window.getComputedStyle(summary).display !== "none") menu.open = true;
  }

  input.addEventListener("input", search);

  input.addEventListener("keydown", function (event) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (list.hidden) return;
      event.preventDefault();
      if (selected === -1) select(event.key === "ArrowDown" ? 0 : -1);
      else select(selected + (event.key === "ArrowDown" ? 1 : -1));
    } else if (event.key === "Enter") {
      event.preventDefault();
      openSelected();
    } else if (event.key === "Escape") {
      event.preventDefault();
      if (input.value === "") return input.blur();
      input.value = "";
      search();
    }
  });

  if (input.form) {
    input.form.addEventListener("submit", function (event) {
      event.preventDefault();
      openSelected();
    });
  }

  document.addEventListener("keydown", function (event) {
    if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
    var target = event.target, tag = target && target.tagName ? target.tagName.toLowerCase() : "";
    if (tag === "input" || tag === "textarea" || tag === "select" || (target && target.isContentEditable)) return;
    event.preventDefault();
    reveal();
    input.focus();
    input.select();
  });

  var initial = "";
  try { initial = new URLSearchParams(window.location.search).get("q") || ""; } catch (error) { initial = ""; }
  if (initial.trim() !== "") {
    reveal();
    input.value = initial;
    search();
  }
})();
