// The page works without this file; it only adds keyboard comfort.
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
