// The phone remote and follow-along page. Text from the server is always set with
// textContent, never as markup. It reconnects by itself when the connection drops.
// Its fixed words come in the app's language, in the page's JSON block "words".
"use strict";

(function () {
  const parts = location.pathname.split("/").filter(Boolean); // ["r" | "f", token]
  const controls = parts[0] === "r";
  const token = parts[1] || "";
  const $ = (id) => document.getElementById(id);
  let socket = null;
  let retryMs = 250;
  const words = JSON.parse($("words").textContent);
  const own = (name) => Object.prototype.hasOwnProperty.call(words, name);
  const word = (name) => (own(name) ? String(words[name]) : "");
  for (const element of document.querySelectorAll("[data-word]")) {
    element.textContent = word(element.dataset.word);
  }

  function render(state) {
    document.body.classList.toggle("blank", Boolean(state.blank));
    $("header").textContent = state.header || "";
    $("step").textContent = state.blank ? "" : state.step || "—";
    $("countdown").textContent = state.blank ? "" : state.countdown || "";
    $("detail").textContent = state.detail || "";
    $("next").textContent = state.next || "";
    $("message").textContent = state.message || "";
    $("message").hidden = !state.message;
    $("pause").textContent = word(state.state === "running" ? "pause" : "resume");
    $("blank").textContent = word(state.blank ? "show" : "blank");
    document.body.dataset.state = state.state || "";
  }

  function connected(on) {
    const line = $("connection");
    line.textContent = word(on ? (controls ? "remoteConnected" : "followingConnected") : "lost");
    line.classList.toggle("lost", !on);
    document.body.dataset.connected = on ? "yes" : "no";
  }

  function connect() {
    socket = new WebSocket(`ws://${location.host}/ws/${encodeURIComponent(token)}`);
    socket.onopen = () => { retryMs = 250; connected(true); };
    socket.onmessage = (event) => {
      try { render(JSON.parse(event.data)); } catch (error) { /* not ours: ignore */ }
    };
    socket.onclose = () => {
      connected(false);
      setTimeout(connect, retryMs);
      retryMs = Math.min(retryMs * 2, 2000);
    };
  }

  function send(command) {
    if (socket && socket.readyState === WebSocket.OPEN) {
      socket.send(command);
      return;
    }
    fetch(`/api/${encodeURIComponent(token)}/${command}`, { method: "POST" })
      .then((answer) => answer.json()).then(render).catch(() => {});
  }

  if (controls) {
    $("controls").hidden = false;
    for (const button of document.querySelectorAll("[data-command]")) {
      button.addEventListener("click", () => send(button.dataset.command));
    }
  }
  connect();
})();
