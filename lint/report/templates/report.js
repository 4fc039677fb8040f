// Copydesk report behaviour: tabs, finding details, filters, keyboard moves,
// and the claims checklist. It never builds HTML from strings: details are
// cloned from cards the server already escaped.
"use strict";
(function () {
  function each(root, selector, fn) { Array.prototype.forEach.call(root.querySelectorAll(selector), fn); }

  var keyboard = [];  // one entry per document report on the page

  // n/p (or j/k) move between findings, Escape closes details. Keys pressed
  // outside any report (on the page body) go to the first one.
  document.addEventListener("keydown", function (e) {
    var inside = keyboard.filter(function (k) { return k.report.contains(e.target); })[0] || keyboard[0];
    if (!inside) return;
    if (e.key === "Escape") { if (inside.escape()) e.preventDefault(); return; }
    if (e.target.closest && e.target.closest("input, textarea, select, button, [role=tab]")) return;
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === "n" || e.key === "j") { inside.showAnnotated(); inside.move(1); }
    if (e.key === "p" || e.key === "k") { inside.showAnnotated(); inside.move(-1); }
  });

  function setUpTabs(report) {
    var tabs = Array.prototype.slice.call(report.querySelectorAll('[role="tab"]'));
    function select(tab, focus) {
      tabs.forEach(function (t) {
        var on = t === tab;
        t.setAttribute("aria-selected", on ? "true" : "false");
        t.tabIndex = on ? 0 : -1;
        document.getElementById(t.getAttribute("aria-controls")).hidden = !on;
      });
      if (focus) tab.focus();
    }
    tabs.forEach(function (tab, i) {
      tab.addEventListener("click", function () { select(tab, false); });
      tab.addEventListener("keydown", function (e) {
        var step = { ArrowRight: 1, ArrowLeft: -1 }[e.key];
        if (step) { e.preventDefault(); select(tabs[(i + step + tabs.length) % tabs.length], true); }
        if (e.key === "Home") { e.preventDefault(); select(tabs[0], true); }
        if (e.key === "End") { e.preventDefault(); select(tabs[tabs.length - 1], true); }
      });
    });
    if (tabs.length) select(tabs[0], false);
    return function showAnnotated() { if (tabs.length) select(tabs[0], false); };
  }

  function setUpFindings(report, showAnnotated) {
    var popover = report.querySelector(".popover");
    var text = report.querySelector(".doc-text");
    if (!popover || !text) return;
    var active = null;

    function primaries() {
      return Array.prototype.filter.call(report.querySelectorAll("mark.hl:not(.cont)"),
        function (m) { return !m.classList.contains("is-off"); });
    }
    function hide() {
      popover.hidden = true;
      if (active) { active.classList.remove("is-active"); active.setAttribute("aria-expanded", "false"); }
      each(report, "mark.hl.is-active", function (m) { m.classList.remove("is-active"); });
      active = null;
    }
    function show(mark) {
      if (mark.classList.contains("is-off")) return;
      var key = mark.getAttribute("data-f");
      var primary = document.getElementById(key);
      var card = document.getElementById("card-" + key);
      if (!primary || !card) return;
      hide();
      active = primary;
      each(report, 'mark.hl[data-f="' + key + '"]', function (m) { m.classList.add("is-active"); });
      primary.setAttribute("aria-expanded", "true");
      var copy = card.cloneNode(true);
      copy.removeAttribute("id");
      var close = document.createElement("button");
      close.type = "button"; close.className = "close"; close.textContent = "Close";
      close.setAttribute("aria-label", "Close details");
      close.addEventListener("click", function () { var m = active; hide(); if (m) m.focus(); });
      popover.replaceChildren(close, wrap(copy));
      popover.hidden = false;
      // decisions.js adds the accept / dismiss controls for this finding.
      popover.dispatchEvent(new CustomEvent("copydesk:show", { detail: key }));
      var box = text.getBoundingClientRect(), at = mark.getBoundingClientRect();
      var left = Math.max(0, Math.min(at.left - box.left, box.width - popover.offsetWidth));
      popover.style.setProperty("left", left + "px");
      popover.style.setProperty("top", (at.bottom - box.top + 6) + "px");
    }
    function wrap(card) {
      var div = document.createElement("div");
      div.className = "card";
      while (card.firstChild) div.appendChild(card.firstChild);
      return div;
    }
    function move(step) {
      var list = primaries();
      if (!list.length) return;
      var here = active ? list.indexOf(active) : -1;
      var next = list[(here + step + list.length) % list.length];
      next.focus();
      next.scrollIntoView({ block: "center" });
    }

    text.addEventListener("click", function (e) {
      var mark = e.target.closest("mark.hl");
      if (mark) { e.preventDefault(); show(mark); mark = document.getElementById(mark.getAttribute("data-f")); if (mark) mark.focus({ preventScroll: true }); }
    });
    text.addEventListener("focusin", function (e) {
      if (e.target.matches && e.target.matches("mark.hl") && e.target !== active) show(e.target);
    });
    text.addEventListener("keydown", function (e) {
      if (e.target.matches("mark.hl") && (e.key === "Enter" || e.key === " ")) { e.preventDefault(); show(e.target); }
    });
    keyboard.push({ report: report, move: move, escape: function () {
      if (!active) return false;
      var m = active; hide(); m.focus(); return true;
    }, showAnnotated: showAnnotated });
    each(report, ".finding-list a", function (link) {
      link.addEventListener("click", function (e) {
        var mark = document.getElementById(link.getAttribute("href").slice(1));
        if (!mark) return;
        e.preventDefault();
        showAnnotated();
        mark.scrollIntoView({ block: "center" });
        mark.focus({ preventScroll: true });
        show(mark);
      });
    });
    setUpFilters(report, hide);
  }

  function setUpFilters(report, hide) {
    var form = report.querySelector(".filters");
    var shown = report.querySelector(".shown");
    if (!form) return;
    var items = report.querySelectorAll(".finding-list li");
    function apply() {
      var off = {};
      each(form, "input[name=sev]:not(:checked), input[name=cat]:not(:checked)", function (box) { off[box.name + ":" + box.value] = true; });
      var visible = 0;
      Array.prototype.forEach.call(items, function (li) {
        var on = !off["sev:" + li.getAttribute("data-sev")] && !off["cat:" + li.getAttribute("data-cat")];
        li.hidden = !on;
        if (on) visible += 1;
        each(report, 'mark.hl[data-f="' + li.getAttribute("data-f") + '"]', function (m) {
          m.classList.toggle("is-off", !on);
          if (!m.classList.contains("cont")) m.tabIndex = on ? 0 : -1;
        });
      });
      shown.textContent = "Showing " + visible + " of " + items.length + (items.length === 1 ? " finding" : " findings");
      hide();
    }
    form.addEventListener("change", function (e) {
      if (e.target.name === "loud") {  // underline infos and readability instead of margin marks
        report.querySelector(".doc-text").classList.toggle("loud", e.target.checked);
        return;
      }
      apply();
    });
  }

  function setUpClaims(report) {
    var boxes = report.querySelectorAll(".claims input[data-tick]");
    if (!boxes.length) return;
    var key = "copydesk:claims:" + report.getAttribute("data-storage");
    var ticked = {};
    try { (JSON.parse(window.localStorage.getItem(key)) || []).forEach(function (t) { ticked[t] = true; }); }
    catch (e) { ticked = {}; }
    var tally = report.querySelector(".tally .ticked");
    function update() {
      var count = 0;
      Array.prototype.forEach.call(boxes, function (box) {
        box.closest("li").classList.toggle("is-ticked", box.checked);
        if (box.checked) count += 1;
      });
      tally.textContent = String(count);
    }
    Array.prototype.forEach.call(boxes, function (box) {
      box.checked = !!ticked[box.getAttribute("data-tick")];
      box.addEventListener("change", function () {
        var keep = [];
        Array.prototype.forEach.call(boxes, function (b) { if (b.checked) keep.push(b.getAttribute("data-tick")); });
        try { window.localStorage.setItem(key, JSON.stringify(keep)); } catch (e) { /* storage off: ticks last this visit */ }
        update();
      });
    });
    update();
  }

  each(document, ".doc-report", function (report) {
    var showAnnotated = setUpTabs(report);
    setUpFindings(report, showAnnotated);
    setUpClaims(report);
  });
})();
