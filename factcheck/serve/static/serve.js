// The page works without this script. It only links a highlight and its finding card: click one
// to scroll to the other. It never writes text from the draft into the page.
(function () {
  "use strict";
  document.addEventListener("click", function (ev) {
    var el = ev.target.closest ? ev.target.closest("[data-goto]") : null;
    if (!el) return;
    var target = document.getElementById(el.getAttribute("data-goto"));
    if (!target) return;
    var flash = target.id.charAt(0) === "m" ? target.nextElementSibling : target;
    target.scrollIntoView({block: "center", behavior: "smooth"});
    if (flash) {
      flash.classList.add("flash");
      setTimeout(function () { flash.classList.remove("flash"); }, 1200);
    }
  });
})();
