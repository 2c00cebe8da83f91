// The review report's filters: they hide and show findings, and with them the documents, cards and
// marks on the pictures that go with them, without a server. Without JavaScript the form stays
// hidden and everything is shown.
(function () {
  "use strict";

  function all(selector) {
    return Array.prototype.slice.call(document.querySelectorAll(selector));
  }

  var marks = all(".mark[data-findings]");

  // Marks of one finding stand out while the finding is pointed at, focused, or linked to.
  function emphasise(key, on) {
    marks.forEach(function (mark) {
      if (mark.dataset.findings.split(" ").indexOf(key) >= 0) {
        mark.classList.toggle("active", on);
      }
    });
  }

  all("li.finding").forEach(function (item) {
    ["mouseenter", "focusin"].forEach(function (name) {
      item.addEventListener(name, function () { emphasise(item.dataset.finding, true); });
    });
    ["mouseleave", "focusout"].forEach(function (name) {
      item.addEventListener(name, function () { emphasise(item.dataset.finding, false); });
    });
  });

  function followLink() {
    marks.forEach(function (mark) { mark.classList.remove("active"); });
    var target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (target && target.dataset.finding) {
      emphasise(target.dataset.finding, true);
    }
  }
  window.addEventListener("hashchange", followLink);
  followLink();

  var form = document.querySelector("form.filters");
  if (!form) {
    return;
  }
  form.hidden = false;
  var items = all("[data-filterable]");
  var documentRows = all("[data-document-row]");
  var cards = all("[data-card]");
  var output = form.querySelector(".filter-count");
  var names = ["severity", "check", "council"].filter(function (name) { return form.elements[name]; });

  function apply() {
    var wanted = {};
    names.forEach(function (name) { wanted[name] = form.elements[name].value; });
    var visible = {};
    var visibleCount = 0;
    var documentsWithFindings = {};
    items.forEach(function (item) {
      var show = names.every(function (name) { return !wanted[name] || item.dataset[name] === wanted[name]; });
      item.hidden = !show;
      if (show) {
        visible[item.dataset.finding] = true;
        visibleCount += 1;
        documentsWithFindings[item.dataset.document] = true;
      }
    });
    var aboutFindings = wanted.severity || wanted.check;
    var documentCount = 0;
    documentRows.forEach(function (row) {
      var show = (!wanted.council || row.dataset.council === wanted.council) &&
        (!aboutFindings || documentsWithFindings[row.dataset.documentRow] === true);
      row.hidden = !show;
      documentCount += show ? 1 : 0;
    });
    cards.forEach(function (card) {
      card.hidden = !card.querySelector("[data-filterable]:not([hidden])");
    });
    marks.forEach(function (mark) {
      mark.hidden = !mark.dataset.findings.split(" ").some(function (key) { return visible[key]; });
    });
    var text = visibleCount + " of " + items.length + " findings shown";
    if (documentRows.length) {
      text += "; " + documentCount + " of " + documentRows.length + " documents";
    }
    output.textContent = text;
  }

  form.addEventListener("change", apply);
  form.addEventListener("reset", function () { window.setTimeout(apply, 0); });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  apply();
})();
