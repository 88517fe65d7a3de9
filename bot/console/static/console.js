// popbot console: live updates over server-sent events. The browser's EventSource reconnects by
// itself and sends Last-Event-ID, so nothing is missed; each event names what changed (the queue,
// or one conversation), and the parts of the page showing it are fetched again with htmx. No
// conversation content is kept in browser storage.
(function () {
  "use strict";
  function refresh(data) {
    if (!window.htmx) { return; }
    var parts = document.querySelectorAll("[data-refresh], [data-refresh-conversation]");
    for (var i = 0; i < parts.length; i++) {
      var topics = (parts[i].getAttribute("data-refresh") || "").split(" ");
      var conversation = parts[i].getAttribute("data-refresh-conversation");
      if (topics.indexOf(data.topic) >= 0 || (conversation && conversation === data.conversation)) {
        window.htmx.trigger(parts[i], "refresh");
      }
    }
  }
  function start() {
    var live = document.querySelector("[data-live]");
    if (!live || !window.EventSource) { return; }
    var source = new EventSource(live.getAttribute("data-live"));
    source.onopen = function () { live.textContent = live.getAttribute("data-on"); live.setAttribute("data-connected", "yes"); };
    source.onerror = function () { live.textContent = live.getAttribute("data-off"); live.setAttribute("data-connected", "no"); };
    source.addEventListener("handoff", function (event) {
      var data;
      try { data = JSON.parse(event.data); } catch (e) { return; }
      refresh(data);
    });
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
}());
