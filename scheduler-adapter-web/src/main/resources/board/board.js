// The day board's own script: what htmx does not. Loaded from this server; the page has no inline script.
(function () {
  "use strict";

  // Every htmx request carries the session's CSRF token, as every form does.
  document.addEventListener("htmx:configRequest", function (event) {
    var csrf = document.body.getAttribute("data-csrf");
    if (csrf) {
      event.detail.headers["X-CSRF-Token"] = csrf;
    }
  });

  // An opened panel takes the focus, so a keyboard user lands on what was opened.
  document.addEventListener("htmx:afterSwap", function (event) {
    if (event.detail.target && event.detail.target.id === "panel") {
      var title = document.getElementById("panel-title");
      if (title) {
        title.focus();
      }
    }
  });

  // A click on a room's free space opens the new-booking form at that time in that room.
  document.addEventListener("click", function (event) {
    var track = event.target.closest && event.target.closest("ul.track[data-new-booking]");
    if (!track || event.target !== track) {
      return;
    }
    var rect = track.getBoundingClientRect();
    var columns = parseInt(track.getAttribute("data-axis-columns"), 10);
    var column = Math.floor((event.clientX - rect.left) / rect.width * columns);
    var from = new Date(track.getAttribute("data-axis-from"));
    var at = new Date(from.getTime() + column * 5 * 60000);
    at.setMinutes(Math.floor(at.getMinutes() / 15) * 15);
    window.location.assign(track.getAttribute("data-new-booking") + "&at=" + encodeURIComponent(at.toISOString()));
  });
})();
