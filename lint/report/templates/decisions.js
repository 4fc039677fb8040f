// Copydesk report decisions: accept (a suggestion or the editor's own words),
// dismiss (with a reason) or leave each finding; add words to the vocabulary;
// the corrected edition and the redline follow live; decisions are kept in
// this browser per document and exported as JSON for `copydesk fix
// --decisions`. Every edit comes from the page data, computed by Copydesk in
// code-point offsets; this only splices them, exactly as the fixer does.
// It builds elements and sets textContent: never HTML from strings.
"use strict";
(function () {
  function make(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }
  function button(label, onClick) {
    var b = make("button", "act", label);
    b.type = "button";
    b.addEventListener("click", onClick);
    return b;
  }
  function plural(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }

  function setUp(report) {
    var holder = report.querySelector(".page-data");
    if (!holder) return;
    var data = JSON.parse(holder.textContent);
    var original = Array.from(data.text);  // code points, as Copydesk's offsets count
    var lineStarts = [0];
    original.forEach(function (c, i) { if (c === "\n") lineStarts.push(i + 1); });
    var findings = {}, order = [], items = {}, marks = {};
    data.findings.forEach(function (f) { findings[f.id] = f; order.push(f.id); marks[f.key] = []; });
    Array.prototype.forEach.call(report.querySelectorAll(".finding-list li[data-f]"), function (li) {
      items[li.getAttribute("data-f")] = li;
    });
    Array.prototype.forEach.call(report.querySelectorAll("mark.hl[data-f]"), function (m) {
      (marks[m.getAttribute("data-f")] || []).push(m);
    });
    var storeKey = "copydesk:decisions:" + data.sha256;
    var state = { decisions: {}, vocabulary: [] };
    var popover = report.querySelector(".popover");
    var bar = report.querySelector(".decisions-bar");
    var shownKey = null;
    var clearArmed = false;

    try {
      var saved = JSON.parse(window.localStorage.getItem(storeKey) || "null");
      if (saved && saved.decisions) {
        Object.keys(saved.decisions).forEach(function (id) {
          if (findings[id]) state.decisions[id] = saved.decisions[id];
        });
        state.vocabulary = (saved.vocabulary || []).filter(function (w) { return typeof w === "string"; });
      }
    } catch (e) { /* unreadable or no storage: start afresh */ }

    function save() {
      try { window.localStorage.setItem(storeKey, JSON.stringify(state)); }
      catch (e) { /* storage off: decisions last this visit; export them */ }
    }
    function lineOf(offset) {
      var low = 0, high = lineStarts.length - 1;
      while (low < high) {
        var mid = (low + high + 1) >> 1;
        if (lineStarts[mid] <= offset) low = mid; else high = mid - 1;
      }
      return low + 1;
    }
    function acceptedEdits(except) {
      var edits = [];
      order.forEach(function (id) {
        var d = state.decisions[id];
        if (!d || d.action !== "accept" || id === except) return;
        d.edits.forEach(function (e) { edits.push({ start: e.start, end: e.end, replacement: e.replacement, id: id }); });
      });
      return edits.sort(function (a, b) { return a.start - b.start || a.end - b.end; });
    }
    function overlaps(a, b) {
      return (a.start < b.end && b.start < a.end) || (a.start === a.end && b.start === b.end && a.start === b.start);
    }
    function conflict(id, edits, taken) {
      taken = (taken || acceptedEdits(null)).filter(function (e) { return e.id !== id; });
      for (var i = 0; i < edits.length; i += 1) {
        for (var j = 0; j < taken.length; j += 1) {
          if (overlaps(edits[i], taken[j])) return findings[taken[j].id];
        }
      }
      return null;
    }
    function accept(f, edits, label, applicability, taken) {
      var other = conflict(f.id, edits, taken);
      if (other) {
        return "This change overlaps the accepted change to “" + other.text + "” (line " + other.line +
          "): undo that one first.";
      }
      state.decisions[f.id] = { action: "accept", edits: edits, label: label, applicability: applicability };
      return "";
    }
    function ownWords(f, words) {
      if (words === "") return [f.removal];
      return [{ start: f.start, end: f.end, replacement: words }];
    }

    function edition() {
      var pieces = [], cursor = 0;
      acceptedEdits(null).forEach(function (e) {
        pieces.push(original.slice(cursor, e.start).join(""), e.replacement);
        cursor = e.end;
      });
      pieces.push(original.slice(cursor).join(""));
      return pieces.join("");
    }
    function change(tag, text) {
      var node = make(tag, "", text);
      if (!text.trim()) { node.className = "ws"; node.setAttribute("data-sign", text.indexOf("\n") >= 0 ? "¶" : "␣"); }
      return node;
    }
    function showEdition() {
      var edits = acceptedEdits(null);
      var changed = edits.length > 0;
      var view = report.querySelector(".edition");
      view.textContent = changed ? edition() : "";
      view.hidden = !changed;
      report.querySelector(".edition-state").textContent = changed
        ? plural(Object.keys(state.decisions).filter(function (id) { return state.decisions[id].action === "accept"; }).length,
          "accepted change") + ": this is the edition `copydesk fix " + data.path + " --decisions` writes from the exported file."
        : "No changes yet: the edition is the original text. Accept findings to change it.";
      var redline = report.querySelector(".redline"), rows = report.querySelector(".changes tbody");
      redline.replaceChildren();
      rows.replaceChildren();
      var cursor = 0;
      edits.forEach(function (e) {
        if (e.start > cursor) redline.append(original.slice(cursor, e.start).join(""));
        var before = original.slice(e.start, e.end).join("");
        if (before) redline.append(change("del", before));
        if (e.replacement) redline.append(change("ins", e.replacement));
        cursor = e.end;
        var row = make("tr");
        row.append(make("td", "num", String(lineOf(e.start))));
        var rule = make("td"); rule.append(make("code", "", findings[e.id].rule)); row.append(rule);
        var del = make("td"); del.append(before ? change("del", before) : make("span", "removed", "nothing")); row.append(del);
        var ins = make("td"); ins.append(e.replacement ? change("ins", e.replacement) : make("span", "removed", "removed"));
        row.append(ins);
        rows.append(row);
      });
      if (cursor < original.length) redline.append(original.slice(cursor).join(""));
      report.querySelector(".redline-view").hidden = !changed;
      report.querySelector(".redline-state").textContent = changed
        ? plural(edits.length, "change") + " from the accepted findings." : "No changes.";
    }

    function describe(d) {
      if (!d) return "";
      if (d.action === "accept") return "✓ Accepted: " + (d.label === "" ? "remove it" : "“" + d.label + "”");
      return "✗ Dismissed" + (d.reason ? ": " + d.reason : "");
    }
    function refresh() {
      var accepted = 0, dismissed = 0;
      order.forEach(function (id) {
        var f = findings[id], d = state.decisions[id];
        if (d && d.action === "accept") accepted += 1;
        if (d && d.action === "dismiss") dismissed += 1;
        var item = items[f.key];
        if (item) {
          item.classList.toggle("is-accepted", !!d && d.action === "accept");
          item.classList.toggle("is-dismissed", !!d && d.action === "dismiss");
          item.querySelector(".state").textContent = describe(d);
        }
        marks[f.key].forEach(function (m) {
          m.classList.toggle("is-accepted", !!d && d.action === "accept");
          m.classList.toggle("is-dismissed", !!d && d.action === "dismiss");
        });
      });
      var words = state.vocabulary.length, any = accepted + dismissed + words > 0;
      bar.querySelector(".decided").textContent = any
        ? accepted + " accepted, " + dismissed + " dismissed, " + plural(words, "word") + " for the vocabulary"
        : "No decisions yet: open a finding to accept or dismiss it.";
      bar.querySelector(".export").disabled = !any;
      bar.querySelector(".clear").disabled = !any;
      showEdition();
      if (shownKey && !popover.hidden) controls(shownKey);
    }
    function decided() { save(); refresh(); }

    function controls(key) {
      var f = null;
      order.forEach(function (id) { if (findings[id].key === key) f = findings[id]; });
      if (!f) return;
      shownKey = key;
      var old = popover.querySelector(".decide");
      var hadFocus = !!old && old.contains(document.activeElement);
      if (old) old.remove();
      var box = make("div", "decide");
      box.setAttribute("role", "group");
      box.setAttribute("aria-label", "Decide on this finding");
      var d = state.decisions[f.id];
      box.append(make("p", "status", describe(d) || "Not decided yet."));
      var problem = make("p", "problem");
      problem.hidden = true;
      problem.setAttribute("role", "alert");
      function tried(message) {
        if (message) { problem.textContent = message; problem.hidden = false; } else decided();
      }
      var options = make("div", "row");
      f.options.forEach(function (o) {
        options.append(button(o.label === "" ? "Accept: remove it" : "Accept “" + o.label + "”", function () {
          tried(accept(f, o.edits, o.label, o.applicability));
        }));
      });
      if (f.options.length) box.append(options);
      var mine = make("div", "row"), words = make("input");
      words.type = "text";
      words.setAttribute("aria-label", "Your wording for “" + f.text + "”");
      words.placeholder = "Your wording";
      words.value = d && d.action === "accept" ? d.label : "";
      mine.append(words, button("Accept mine", function () {
        tried(accept(f, ownWords(f, words.value), words.value, "display-only"));
      }));
      box.append(mine);
      var why = make("div", "row"), reason = make("input");
      reason.type = "text";
      reason.setAttribute("aria-label", "Reason for dismissing (optional)");
      reason.placeholder = "Reason (optional)";
      reason.value = d && d.action === "dismiss" ? d.reason : "";
      why.append(reason, button("Dismiss", function () {
        state.decisions[f.id] = { action: "dismiss", reason: reason.value.trim() };
        decided();
      }));
      box.append(why);
      var more = make("div", "row");
      if (f.word) {
        var listed = state.vocabulary.indexOf(f.word) >= 0;
        more.append(button(listed ? "Remove “" + f.word + "” from the vocabulary" : "Add “" + f.word + "” to the vocabulary",
          function () {
            if (listed) state.vocabulary.splice(state.vocabulary.indexOf(f.word), 1);
            else state.vocabulary.push(f.word);
            decided();
          }));
      }
      if (d) more.append(button("Undo", function () { delete state.decisions[f.id]; decided(); }));
      if (more.childNodes.length) box.append(more);
      box.append(problem);
      popover.append(box);
      if (hadFocus) { box.firstChild.tabIndex = -1; box.firstChild.focus(); }  // keyboard users keep their place
    }

    function exported() {
      var decisions = [];
      order.forEach(function (id) {
        var f = findings[id], d = state.decisions[id];
        if (!d) return;
        var entry = { id: id, rule: f.rule, start: f.start, end: f.end, text: f.text, message: f.message, action: d.action };
        if (d.action === "accept") { entry.applicability = d.applicability; entry.replacement = d.label; entry.edits = d.edits; }
        else entry.reason = d.reason;
        decisions.push(entry);
      });
      return { copydesk_decisions: data.copydesk_decisions, path: data.path, sha256: data.sha256,
        decisions: decisions, vocabulary: state.vocabulary.slice() };
    }
    bar.querySelector(".export").addEventListener("click", function () {
      var blob = new Blob([JSON.stringify(exported(), null, 2) + "\n"], { type: "application/json" });
      var link = make("a");
      link.href = URL.createObjectURL(blob);
      link.download = (data.path.split(/[\\/]/).pop() || "document") + ".decisions.json";
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(function () { URL.revokeObjectURL(link.href); }, 0);
    });
    bar.querySelector(".accept-all").addEventListener("click", function () {
      var wanted = data.accept_all === "unsafe" ? ["safe", "unsafe"] : ["safe"];
      var taken = acceptedEdits(null);
      order.forEach(function (id) {
        var f = findings[id], first = f.options[0];
        if (state.decisions[id] || !first || wanted.indexOf(first.applicability) < 0) return;
        // A conflicting one stays undecided; `taken` grows with each one accepted.
        if (!accept(f, first.edits, first.label, first.applicability, taken)) {
          first.edits.forEach(function (e) { taken.push({ start: e.start, end: e.end, replacement: e.replacement, id: id }); });
        }
      });
      decided();
    });
    var clear = bar.querySelector(".clear");
    clear.addEventListener("click", function () {
      if (!clearArmed) { clearArmed = true; clear.textContent = "Clear all? Click again"; return; }
      clearArmed = false;
      clear.textContent = "Clear";
      state = { decisions: {}, vocabulary: [] };
      decided();
    });
    clear.addEventListener("blur", function () { clearArmed = false; clear.textContent = "Clear"; });
    popover.addEventListener("copydesk:show", function (e) { controls(e.detail); });
    refresh();
  }

  Array.prototype.forEach.call(document.querySelectorAll(".doc-report"), setUp);
})();
