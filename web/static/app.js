// Small comforts only: the page works without this file.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  // Say that a question is being answered, and do not send it twice.
  document.querySelectorAll("form.ask").forEach(function (form) {
    form.addEventListener("submit", function () {
      var b = form.querySelector("button");
      if (b) { b.disabled = true; b.textContent = "查询中…"; }
    });
  });
  document.querySelectorAll("form.check").forEach(function (form) {
    form.addEventListener("submit", function () {
      var b = form.querySelector("button");
      if (b) { b.disabled = true; b.textContent = "核对中…"; }
    });
  });
  // Coming back to the page (browser history) re-enables the button.
  window.addEventListener("pageshow", function () {
    document.querySelectorAll("form.ask button").forEach(function (b) { b.disabled = false; b.textContent = "查询"; });
    document.querySelectorAll("form.check button").forEach(function (b) { b.disabled = false; b.textContent = "核对"; });
  });
  // "/" puts the cursor in the search box, as on most search pages.
  document.addEventListener("keydown", function (e) {
    var q = document.getElementById("q");
    if (e.key === "/" && q && document.activeElement !== q && !/^(INPUT|SELECT|TEXTAREA)$/.test(document.activeElement.tagName)) {
      e.preventDefault();
      q.focus();
    }
  });
  // The filters apply as soon as one is chosen.
  document.querySelectorAll("form.filter select").forEach(function (sel) {
    sel.addEventListener("change", function () { sel.form.submit(); });
  });
});
