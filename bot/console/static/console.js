// popbot console: live updates over server-sent events. The browser's EventSource reconnects by
// itself and sends Last-Event-ID, so nothing is missed; each event names the parts of the page to
// refresh, which htmx fetches again (no conversation content is kept in browser storage).
(function () {
  "use strict";
  function start() {
    var live = document.querySelector("[data-live]");
    if (!live || !window.EventSource) { return; }
    var source = new EventSource(live.getAttribute("data-live"));
    var status = document.getElementById("live-status");
    source.onopen = function () { if (status) { status.textContent = status.getAttribute("data-on"); } };
    source.onerror = function () { if (status) { status.textContent = status.getAttribute("data-off"); } };
    source.onmessage = function (event) {
      var data;
      try { data = JSON.parse(event.data); } catch (e) { return; }
      var parts = document.querySelectorAll("[data-refresh]");
      for (var i = 0; i < parts.length; i++) {
        var topics = parts[i].getAttribute("data-refresh").split(" ");
        if (topics.indexOf(data.topic) >= 0 && window.htmx) {
          window.htmx.trigger(parts[i], "refresh");
        }
      }
    };
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
}());
