/* Customer-service chat and quick exit. Leaves no trace in the browser: no Web Storage, no
   IndexedDB, the page title is never changed, the chat history lives in the page only.
   The session cookie (HttpOnly) identifies the chat to the server. */
(function () {
  "use strict";
  var body = document.body;
  var persona = body.dataset.persona, lang = body.dataset.lang, exitUrl = body.dataset.exit;
  var WEBHOOK = "/webhooks/web/webhook", LEAVE = "/webhooks/web/leave", WS = "/webhooks/web/ws";
  var panel = document.getElementById("chat"), openBtn = document.getElementById("chat-open");
  var log = document.getElementById("chat-log"), form = document.getElementById("chat-form");
  var input = document.getElementById("chat-input"), errorBox = document.getElementById("chat-error");
  var socket = null, retry = 1000, leaving = false;
  // ids of counselor messages shown: the server pushes one again until this page confirms it
  // (after a lost confirmation too), so a repeat is confirmed but not shown twice
  var shown = Object.create(null);

  function quickExit() {
    if (leaving) { return; }
    leaving = true;
    try { if (socket) { socket.onclose = null; socket.close(); } } catch (e) { /* ignore */ }
    try {
      var blob = new Blob(["{}"], { type: "application/json" });
      if (!(navigator.sendBeacon && navigator.sendBeacon(LEAVE, blob))) {
        fetch(LEAVE, { method: "POST", body: "{}", keepalive: true, credentials: "same-origin", cache: "no-store" });
      }
    } catch (e) { /* leaving matters more than telling the server */ }
    log.textContent = ""; input.value = ""; panel.hidden = true;
    window.location.replace(exitUrl);
  }
  document.getElementById("quick-exit").addEventListener("click", quickExit);
  var shifts = [];
  document.addEventListener("keydown", function (ev) {
    if (ev.key !== "Shift" || ev.repeat) { return; }
    var now = Date.now();
    shifts = shifts.filter(function (t) { return now - t < 1500; });
    shifts.push(now);
    if (shifts.length >= 3) { quickExit(); }
  });

  // Moving around the shop replaces the history entry: the whole visit is one entry, so after a
  // quick exit the back button leads to whatever was open before the shop, never to the chat.
  document.addEventListener("click", function (ev) {
    var a = ev.target.closest && ev.target.closest("a[href]");
    if (!a || a.origin !== location.origin || ev.ctrlKey || ev.metaKey || ev.shiftKey) { return; }
    ev.preventDefault();
    window.location.replace(a.href);
  });

  function show(text, who, buttons) {
    var p = document.createElement("p");
    p.className = "msg " + who;
    p.textContent = text;
    log.appendChild(p);
    if (buttons && buttons.length) {
      var row = document.createElement("div");
      row.className = "quick";
      buttons.forEach(function (b) {
        var btn = document.createElement("button");
        btn.type = "button"; btn.textContent = b.title;
        btn.addEventListener("click", function () { row.remove(); send(b.title); });
        row.appendChild(btn);
      });
      log.appendChild(row);
    }
    log.scrollTop = log.scrollHeight;
  }
  // a line that wipes the chat ("please clear my basket", "sorry, wrong chat"): the log is emptied
  // first, so only that innocent line stays on the screen
  function showReply(m) {
    if (m && m.clear) { while (log.firstChild) { log.removeChild(log.firstChild); } }
    if (m && m.text) { show(m.text, "bot", m.buttons); }
  }

  function connect() {
    if (socket || leaving) { return; }
    var scheme = location.protocol === "https:" ? "wss://" : "ws://";
    socket = new WebSocket(scheme + location.host + WS);
    socket.onopen = function () { retry = 1000; socket.send(JSON.stringify({ type: "hello" })); };
    socket.onmessage = function (ev) {
      var data;
      try { data = JSON.parse(ev.data); } catch (e) { return; }
      if (!data || data.type !== "message" || !data.message) { return; }
      var id = data.message.id;
      if (typeof id !== "string") { showReply(data.message); return; }
      if (!shown[id]) { shown[id] = true; showReply(data.message); }
      try { this.send(JSON.stringify({ type: "ack", id: id })); } catch (e) { /* sent again on reconnect */ }
    };
    socket.onclose = function () {
      socket = null;
      if (!leaving) { setTimeout(connect, retry); retry = Math.min(retry * 2, 30000); }
    };
  }

  // Each message gets a random id of its own, sent again with every retry of it: the server
  // stores a message once and answers a repeat with the same replies. Messages go out one after
  // the other (a retry too), so they arrive in the order they were written.
  var RETRY_PAUSES = [1000, 2000, 4000], outbox = Promise.resolve();
  function messageId() {
    var bytes = new Uint8Array(16), out = "";
    crypto.getRandomValues(bytes);
    for (var i = 0; i < bytes.length; i++) { out += (bytes[i] + 0x100).toString(16).slice(1); }
    return out;
  }
  function post(payload, attempt) {
    return fetch(WEBHOOK, {
      method: "POST", credentials: "same-origin", cache: "no-store",
      headers: { "Content-Type": "application/json" }, body: payload
    }).then(function (r) {
      return r.json().catch(function () { return null; }).then(function (body) {
        if (r.ok && Array.isArray(body)) { body.forEach(showReply); return; }
        // a failed answer may still carry replies (an emergency number): show them, do not repeat
        if (body && Array.isArray(body.replies)) { body.replies.forEach(showReply); throw new Error("status " + r.status); }
        if (r.status >= 500 && attempt < RETRY_PAUSES.length) { return retryLater(payload, attempt); }
        throw new Error("status " + r.status);
      });
    }, function () {
      if (attempt < RETRY_PAUSES.length) { return retryLater(payload, attempt); }
      throw new Error("network");
    });
  }
  function retryLater(payload, attempt) {
    return new Promise(function (resolve) { setTimeout(resolve, RETRY_PAUSES[attempt]); })
      .then(function () { return post(payload, attempt + 1); });
  }

  function send(text) {
    text = text.trim();
    if (!text) { return; }
    show(text, "me");
    errorBox.hidden = true;
    var payload = JSON.stringify({ id: messageId(), message: text, metadata: { persona: persona, lang: lang } });
    outbox = outbox.then(function () { return post(payload, 0); })
      .catch(function () { errorBox.hidden = false; });
  }

  function openChat(prefill) {
    panel.hidden = false;
    openBtn.setAttribute("aria-expanded", "true");
    openBtn.hidden = true;
    connect();
    if (prefill) { input.value = prefill; }
    input.focus();
  }
  function closeChat() {
    panel.hidden = true; openBtn.hidden = false;
    openBtn.setAttribute("aria-expanded", "false"); openBtn.focus();
  }
  openBtn.addEventListener("click", function () { openChat(); });
  document.getElementById("chat-close").addEventListener("click", closeChat);
  panel.addEventListener("keydown", function (ev) { if (ev.key === "Escape") { closeChat(); } });
  form.addEventListener("submit", function (ev) { ev.preventDefault(); var t = input.value; input.value = ""; send(t); });
  Array.prototype.forEach.call(document.querySelectorAll("[data-ask]"), function (btn) {
    btn.addEventListener("click", function () { openChat(btn.dataset.ask + ": "); });
  });
})();
