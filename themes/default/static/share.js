// bangvang: the share panel of a profile page and the print button of the honour board.
// Everything works without it (the address and caption can be selected and copied, the
// links are plain links); with it, the copy buttons, the browser's own share sheet
// (navigator.share) and the print button appear. Nothing is loaded from another host.
(function () {
  "use strict";
  var board = document.querySelector("[data-print]");
  if (board) {
    board.hidden = false;
    board.addEventListener("click", function () { window.print(); });
  }
  var panel = document.querySelector("[data-share]");
  if (!panel) return;
  var status = panel.querySelector(".share-status");
  var field = document.getElementById("share-url");
  var caption = document.getElementById("share-caption");
  // A site built without a full address gives paths: make them whole from this page.
  var path = field.getAttribute("data-path");
  var full = new URL(field.value, location.href).href;
  field.value = full;
  if (caption && path && path.charAt(0) === "/") {
    var at = caption.value.lastIndexOf(path);
    if (at >= 0) caption.value = caption.value.slice(0, at) + full + caption.value.slice(at + path.length);
  }
  function say(key) { status.textContent = panel.getAttribute(key) || ""; }
  function fallback(el) {
    el.focus();
    el.select();
    try { return document.execCommand("copy"); } catch (e) { return false; }
  }
  Array.prototype.forEach.call(panel.querySelectorAll("[data-copy]"), function (button) {
    var el = document.getElementById(button.getAttribute("data-copy"));
    button.hidden = false;
    button.addEventListener("click", function () {
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(el.value).then(function () { say("data-t-copied"); },
          function () { say(fallback(el) ? "data-t-copied" : "data-t-failed"); });
      } else {
        say(fallback(el) ? "data-t-copied" : "data-t-failed");
      }
    });
  });
  var native = panel.querySelector(".share-native");
  if (native && navigator.share) {
    native.hidden = false;
    native.addEventListener("click", function () {
      navigator.share({ title: native.getAttribute("data-title"), text: caption ? caption.value : "", url: full })
        .catch(function () {});
    });
  }
})();
