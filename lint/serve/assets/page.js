// The paste-in page: checks the text as it is typed (debounced) through
// /api/v1/check, marks the findings in the report's style, accepts or
// dismisses them, and copies the corrected text out. It builds the page with
// DOM calls and textContent only, never HTML from strings.
"use strict";
(function () {
  var DEBOUNCE_MS = 400;
  // Category -> colour family, the same table as the report's (lint/categories.py).
  var FAMILIES = JSON.parse(document.getElementById("families").getAttribute("data-map"));
  var copy = document.getElementById("copy");
  var format = document.getElementById("format");
  var status = document.getElementById("status");
  var list = document.getElementById("findings");
  var shown = document.getElementById("shown");
  var annotated = document.getElementById("annotated-text");
  var claimList = document.getElementById("claim-list");
  var tokenBox = document.getElementById("token-box");
  var tokenInput = document.getElementById("token");
  var badges = document.getElementById("badges").content;
  var dismissed = new Set();
  var ticks = new Set(JSON.parse(sessionStorage.getItem("copydesk-ticks") || "[]"));
  var timer = null, sequence = 0, findings = [];

  function say(message, isError) {
    status.textContent = message;
    status.classList.toggle("is-error", !!isError);
  }

  function headers() {
    var h = { "Content-Type": "application/json" };
    if (tokenInput.value) h.Authorization = "Bearer " + tokenInput.value;
    return h;
  }

  function call(path, body) {
    return fetch(path, { method: "POST", headers: headers(), body: JSON.stringify(body) })
      .then(function (response) {
        return response.json().then(function (data) {
          if (response.status === 401) tokenBox.hidden = false;
          if (!response.ok) throw new Error(data.error || ("HTTP " + response.status));
          return data;
        });
      });
  }

  // Code-point offsets (the service's) to UTF-16 indices (JavaScript's).
  function unitIndex(text) {
    var units = [], at = 0;
    for (var ch of text) { units.push(at); at += ch.length; }
    units.push(at);
    return function (codePoint) { return units[Math.min(codePoint, units.length - 1)]; };
  }

  function keyOf(f) { return f.rule + "\u0000" + f.text + "\u0000" + f.message; }

  function check() {
    var text = copy.value, mine = ++sequence;
    if (!text.trim()) { render(text, []); say("Waiting for text."); return; }
    say("Checking…");
    call("api/v1/check", { text: text, format: format.value }).then(function (data) {
      if (mine !== sequence) return;  // a newer check is on its way
      var file = data.files[0];
      var notes = (file.notes || []).join(" ");
      render(text, file.findings);
      say(file.findings.length + " finding" + (file.findings.length === 1 ? "" : "s") +
          (notes ? " — " + notes : ""));
    }).catch(function (error) { if (mine === sequence) say(error.message, true); });
  }

  function schedule() { clearTimeout(timer); timer = setTimeout(check, DEBOUNCE_MS); }

  function colourOf(category) { return "cat-" + (FAMILIES[category] || "other"); }

  function render(text, all) {
    var toUnit = unitIndex(text);
    findings = all.filter(function (f) { return !dismissed.has(keyOf(f)); });
    annotated.replaceChildren();
    list.replaceChildren();
    var position = 0;
    findings.forEach(function (f, i) {
      var start = toUnit(f.start), end = toUnit(f.end);
      if (start >= position) {
        annotated.append(text.slice(position, start));
        var mark = document.createElement("mark");
        mark.className = "hl sev-" + f.severity + " " + colourOf(f.category);
        mark.dataset.f = String(i);
        mark.tabIndex = 0;
        mark.title = f.category + ": " + f.message;
        mark.textContent = text.slice(start, end) || "\u2038";
        mark.addEventListener("click", function () { select(i); });
        annotated.append(mark);
        position = end;
      }
      list.append(item(f, i, toUnit));
    });
    annotated.append(text.slice(position));
    shown.textContent = findings.length ? "Showing " + findings.length + " finding" +
      (findings.length === 1 ? "" : "s") : "No findings";
    renderClaims(all);
  }

  function badge(severity) {
    return badges.querySelector(".sev-" + severity).cloneNode(true);
  }

  function item(f, i, toUnit) {
    var li = document.createElement("li");
    li.dataset.f = String(i);
    li.dataset.rule = f.rule;
    var head = document.createElement("a");
    head.href = "#";
    var where = document.createElement("span");
    where.className = "where";
    where.textContent = " line " + f.line + " · " + f.category + " · " + f.rule;
    var msg = document.createElement("span");
    msg.className = "msg";
    msg.textContent = f.message;
    head.append(badge(f.severity), where, msg);
    head.addEventListener("click", function (e) { e.preventDefault(); select(i); });
    var actions = document.createElement("div");
    actions.className = "actions";
    if (f.fix && f.fix.edits.length) {
      var accept = document.createElement("button");
      accept.type = "button";
      accept.className = "accept";
      var first = f.fix.edits[0].replacement;
      accept.textContent = "Accept: " + (first ? "“" + first + "”" : "delete");
      accept.addEventListener("click", function () { applyEdits(f.fix.edits, toUnit); });
      actions.append(accept);
    }
    var dismiss = document.createElement("button");
    dismiss.type = "button";
    dismiss.className = "dismiss";
    dismiss.textContent = "Dismiss";
    dismiss.addEventListener("click", function () { dismissed.add(keyOf(f)); check(); });
    actions.append(dismiss);
    li.append(head, actions);
    return li;
  }

  function select(i) {
    Array.prototype.forEach.call(list.children, function (li) {
      li.classList.toggle("is-selected", li.dataset.f === String(i));
    });
    var li = list.querySelector('li[data-f="' + i + '"]');
    if (li) { li.scrollIntoView({ block: "nearest" }); li.querySelector("button, a").focus(); }
  }

  function applyEdits(edits, toUnit) {
    var text = copy.value;
    edits.slice().sort(function (a, b) { return b.start - a.start; }).forEach(function (e) {
      text = text.slice(0, toUnit(e.start)) + e.replacement + text.slice(toUnit(e.end));
    });
    copy.value = text;
    check();
  }

  function renderClaims(all) {
    var claims = all.filter(function (f) { return f.category === "claims" || f.category === "facts"; });
    document.getElementById("claim-count").textContent = String(claims.length);
    claimList.replaceChildren();
    claims.forEach(function (f, i) {
      var li = document.createElement("li");
      var box = document.createElement("input");
      box.type = "checkbox";
      box.id = "claim-" + i;
      box.checked = ticks.has(keyOf(f));
      li.classList.toggle("is-ticked", box.checked);
      box.addEventListener("change", function () {
        if (box.checked) ticks.add(keyOf(f)); else ticks.delete(keyOf(f));
        li.classList.toggle("is-ticked", box.checked);
        sessionStorage.setItem("copydesk-ticks", JSON.stringify(Array.from(ticks)));
        tally();
      });
      var label = document.createElement("label");
      label.htmlFor = box.id;
      var quote = document.createElement("q");
      quote.textContent = f.text;
      var msg = document.createElement("span");
      msg.className = "claim-msg";
      msg.append(badge(f.severity), " " + f.message);
      label.append(quote, msg);
      li.append(box, label);
      claimList.append(li);
    });
    tally();
  }

  function tally() {
    document.getElementById("ticked").textContent =
      String(claimList.querySelectorAll("input:checked").length);
  }

  document.getElementById("apply-safe").addEventListener("click", function () {
    say("Applying safe fixes…");
    call("api/v1/fix", { text: copy.value, format: format.value }).then(function (data) {
      copy.value = data.fixed;
      check();
    }).catch(function (error) { say(error.message, true); });
  });

  document.getElementById("copy-out").addEventListener("click", function () {
    var done = function () { say("Corrected text copied."); };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(copy.value).then(done, function () { fallbackCopy(); done(); });
    } else { fallbackCopy(); done(); }
  });

  function fallbackCopy() { copy.select(); document.execCommand("copy"); }

  var tabs = Array.prototype.slice.call(document.querySelectorAll('[role="tab"]'));
  tabs.forEach(function (tab) {
    tab.addEventListener("click", function () {
      tabs.forEach(function (t) {
        var on = t === tab;
        t.setAttribute("aria-selected", on ? "true" : "false");
        document.getElementById(t.getAttribute("aria-controls")).hidden = !on;
      });
    });
  });

  // A token may come in the address: /#token=... (kept out of the history and of requests' URLs).
  var given = /(?:^#|&)token=([^&]*)/.exec(location.hash);
  if (given) {
    tokenInput.value = decodeURIComponent(given[1]);
    history.replaceState(null, "", location.pathname + location.search);
  }

  copy.addEventListener("input", schedule);
  format.addEventListener("change", check);
  tokenInput.addEventListener("change", check);
})();
