// The page works without this file; it only adds comfort.
// "/" puts the cursor in the search box (unless you are already typing somewhere).
document.addEventListener("keydown", function (event) {
  var box = document.querySelector("input[type=search]");
  var typing = /^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement && document.activeElement.tagName);
  if (event.key === "/" && box && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
    event.preventDefault();
    box.focus();
    box.select();
  }
});

// Empty fields (dates not given) stay out of the address, so it reads like the search it is.
document.addEventListener("submit", function (event) {
  var fields = event.target.querySelectorAll("input[name]");
  for (var i = 0; i < fields.length; i++) {
    if (fields[i].type !== "checkbox" && fields[i].value === "") {
      fields[i].disabled = true;
    }
  }
});
// Coming back to a page (the back button) must find its fields usable again.
window.addEventListener("pageshow", function () {
  var fields = document.querySelectorAll("input[disabled]");
  for (var i = 0; i < fields.length; i++) {
    fields[i].disabled = false;
  }
});
