/*
 * ICS Assistant resident widget. Embed with one tag:
 *   <script src="https://HOST/widget.js" data-api="https://HOST" defer></script>
 * Optional: data-title="..." (panel title), data-open="true" (start open).
 * Self-contained: no dependencies. Styles live in a shadow root, so the host page's CSS
 * cannot break the widget and the widget cannot break the page. Answer and source text are
 * inserted with textContent only, never parsed as HTML.
 */
(function () {
  "use strict";
  if (window.__icsAssistantWidget) return;
  window.__icsAssistantWidget = true;

  var script = document.currentScript ||
    document.querySelector('script[src*="widget.js"][data-api]') ||
    document.querySelector('script[src*="widget.js"]');
  var apiBase = ((script && script.getAttribute("data-api")) ||
    (script && script.src ? new URL(script.src, location.href).origin : location.origin)).replace(/\/+$/, "");
  var title = (script && script.getAttribute("data-title")) || "Ask about ICSs";
  var STORE_KEY = "ics-assistant-widget:" + apiBase;
  var MAX_CHARS = 2000;
  var MAX_HISTORY_TURNS = 20;

  var CSS = [
    ":host{all:initial !important;display:block !important;position:static !important;}",
    "*,*::before,*::after{box-sizing:border-box;}",
    ".root{font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;font-size:16px;",
    "line-height:1.45;color:#212b32;}",
    ".launcher{position:fixed;right:16px;bottom:16px;z-index:2147483000;display:inline-flex;align-items:center;",
    "gap:8px;padding:12px 18px;border:2px solid #003087;border-radius:999px;background:#005eb8;color:#fff;",
    "font:inherit;font-weight:600;cursor:pointer;box-shadow:0 4px 14px rgba(0,0,0,.25);}",
    ".launcher:hover{background:#003087;}",
    "button:focus-visible,textarea:focus-visible,summary:focus-visible,a:focus-visible{outline:3px solid #ffb81c;",
    "outline-offset:2px;box-shadow:0 0 0 5px #212b32;}",
    ".panel{position:fixed;right:16px;bottom:80px;z-index:2147483001;width:min(400px,calc(100vw - 16px));",
    "height:min(620px,calc(100vh - 100px));display:flex;flex-direction:column;background:#fff;",
    "border:1px solid #768692;border-radius:12px;box-shadow:0 8px 30px rgba(0,0,0,.3);overflow:hidden;}",
    ".panel[hidden]{display:none;}",
    "@media (max-width:480px){.panel{right:8px;left:8px;width:auto;bottom:76px;height:calc(100vh - 90px);}",
    ".launcher{right:8px;bottom:8px;}}",
    ".head{display:flex;align-items:center;justify-content:space-between;gap:8px;padding:10px 12px;",
    "background:#005eb8;color:#fff;}",
    ".head h2{margin:0;font-size:1.05em;font-weight:700;color:#fff;}",
    ".head-actions{display:flex;gap:6px;}",
    ".icon-btn{min-width:44px;min-height:36px;padding:4px 10px;border:1px solid #fff;border-radius:6px;",
    "background:transparent;color:#fff;font:inherit;font-size:.85em;cursor:pointer;}",
    ".icon-btn:hover{background:#003087;}",
    ".notice{margin:0;padding:8px 12px;font-size:.82em;background:#e8edee;color:#212b32;border-bottom:1px solid #d8dde0;}",
    ".log{flex:1;overflow-y:auto;padding:12px;display:flex;flex-direction:column;gap:10px;}",
    ".msg{max-width:92%;padding:8px 12px;border-radius:10px;white-space:pre-wrap;word-wrap:break-word;",
    "overflow-wrap:anywhere;}",
    ".msg.user{align-self:flex-end;background:#005eb8;color:#fff;border-bottom-right-radius:2px;}",
    ".msg.bot{align-self:flex-start;background:#f0f4f5;color:#212b32;border-bottom-left-radius:2px;}",
    ".msg.refusal{background:#fff9e0;border:2px solid #8a6d00;}",
    ".msg.error{background:#fde8e8;border:2px solid #a50e0e;color:#5c0000;}",
    ".label{display:block;font-weight:700;font-size:.85em;margin-bottom:2px;}",
    ".signpost{margin-top:8px;padding:8px;border-left:4px solid #a50e0e;background:#fff;color:#212b32;",
    "white-space:normal;font-size:.9em;}",
    ".signpost a{color:#003087;font-weight:700;}",
    ".sources{margin-top:8px;white-space:normal;}",
    ".sources-title{font-size:.85em;font-weight:700;margin:0 0 4px;}",
    "details{margin:4px 0;border:1px solid #aeb7bd;border-radius:6px;background:#fff;}",
    "summary{cursor:pointer;padding:6px 8px;font-size:.88em;color:#003087;font-weight:600;}",
    ".date{color:#425563;font-weight:400;}",
    ".stale{color:#8a2a00;font-weight:600;}",
    "blockquote{margin:0;padding:6px 10px 8px;border-top:1px solid #d8dde0;font-size:.88em;color:#212b32;",
    "white-space:pre-wrap;}",
    ".typing{font-style:italic;color:#425563;}",
    "form{display:flex;gap:8px;padding:10px 12px;border-top:1px solid #d8dde0;background:#fff;}",
    "textarea{flex:1;min-height:44px;max-height:120px;resize:vertical;padding:8px;border:2px solid #4c6272;",
    "border-radius:6px;font:inherit;color:#212b32;background:#fff;}",
    ".send{min-width:64px;min-height:44px;padding:8px 14px;border:0;border-radius:6px;background:#007f3b;",
    "color:#fff;font:inherit;font-weight:700;cursor:pointer;}",
    ".send:disabled{background:#768692;cursor:not-allowed;}",
    ".sr-only{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0,0,0,0);",
    "white-space:nowrap;border:0;}"
  ].join("");

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    }
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  var host = el("ics-assistant-widget");
  var shadow = host.attachShadow({ mode: "open" });
  var style = el("style", null, CSS);
  var root = el("div", { "class": "root" });
  var launcher = el("button", {
    type: "button", "class": "launcher", "aria-expanded": "false", "aria-controls": "ics-panel",
    "aria-haspopup": "dialog"
  }, title);
  var panel = el("section", {
    id: "ics-panel", "class": "panel", role: "dialog", "aria-modal": "false", "aria-labelledby": "ics-title"
  });
  panel.hidden = true;
  var head = el("div", { "class": "head" });
  var h2 = el("h2", { id: "ics-title" }, title);
  var actions = el("div", { "class": "head-actions" });
  var resetBtn = el("button", { type: "button", "class": "icon-btn", "aria-label": "Start a new conversation" }, "New");
  var closeBtn = el("button", { type: "button", "class": "icon-btn", "aria-label": "Close the assistant" }, "Close");
  actions.append(resetBtn, closeBtn);
  head.append(h2, actions);
  var notice = el("p", { "class": "notice", id: "ics-notice" },
    "Answers come only from published ICS documents, with their sources. Not medical advice: " +
    "for health needs contact NHS 111, or call 999 in an emergency.");
  var log = el("div", {
    "class": "log", role: "log", "aria-live": "polite", "aria-relevant": "additions", "aria-label": "Conversation",
    tabindex: "0"
  });
  var form = el("form", { "aria-label": "Ask a question" });
  var inputId = "ics-input";
  var label = el("label", { "for": inputId, "class": "sr-only" }, "Your question about Integrated Care Systems");
  var input = el("textarea", {
    id: inputId, rows: "2", maxlength: String(MAX_CHARS), placeholder: "Type your question…",
    "aria-describedby": "ics-notice", autocomplete: "off"
  });
  var send = el("button", { type: "submit", "class": "send" }, "Send");
  form.append(label, input, send);
  panel.append(head, notice, log, form);
  root.append(launcher, panel);
  shadow.append(style, root);

  /* ---- conversation state (kept for follow-ups within the page session) ---- */
  var exchanges = [];  // [{question, answer: Answer JSON}]
  var busy = false;

  function loadState() {
    try {
      var raw = window.sessionStorage.getItem(STORE_KEY);
      var parsed = raw ? JSON.parse(raw) : [];
      return Array.isArray(parsed) ? parsed : [];
    } catch (e) { return []; }
  }
  function saveState() {
    try { window.sessionStorage.setItem(STORE_KEY, JSON.stringify(exchanges.slice(-MAX_HISTORY_TURNS))); }
    catch (e) { /* storage full or blocked: the conversation still works in memory */ }
  }
  function historyTurns() {
    var turns = [];
    exchanges.forEach(function (x) {
      turns.push({ role: "user", content: x.question });
      turns.push({ role: "assistant", content: String(x.answer.text || "") });
    });
    return turns.slice(-MAX_HISTORY_TURNS);
  }

  /* ---- rendering (text only) ---- */
  function scrollDown() { log.scrollTop = log.scrollHeight; }

  function addUser(text) {
    var m = el("div", { "class": "msg user" });
    m.append(el("span", { "class": "sr-only" }, "You: "), document.createTextNode(text));
    log.append(m);
    scrollDown();
  }

  function signpost() {
    var box = el("div", { "class": "signpost", role: "note" });
    box.append(document.createTextNode("For health needs contact "));
    var a = el("a", { href: "https://111.nhs.uk/", target: "_blank", rel: "noopener noreferrer" }, "NHS 111");
    box.append(a, document.createTextNode(" (call 111). In an emergency call 999."));
    return box;
  }

  function renderAnswer(bubble, answer) {
    bubble.textContent = "";
    bubble.classList.remove("error");
    if (answer.refused) {
      bubble.classList.add("refusal");
      bubble.append(el("span", { "class": "label" }, "Not answered from the documents"));
    } else {
      bubble.append(el("span", { "class": "sr-only" }, "Assistant: "));
    }
    bubble.append(el("div", { "class": "answer-text" }, answer.text || ""));
    var cites = Array.isArray(answer.citations) ? answer.citations : [];
    if (cites.length) {
      var box = el("div", { "class": "sources" });
      box.append(el("p", { "class": "sources-title" }, "Sources"));
      cites.forEach(function (c) {
        var d = el("details", { "class": "source" });
        var s = el("summary");
        s.append(document.createTextNode("[" + c.n + "] " + (c.title || c.doc_id || "Source") + " "));
        s.append(el("span", { "class": "date" }, "(" + (c.date || "undated") + ")"));
        if (c.stale && c.currency_note) s.append(el("span", { "class": "stale" }, " " + c.currency_note));
        d.append(s, el("blockquote", null, c.quote || ""));
        d.addEventListener("toggle", function () {
          if (d.open) d.scrollIntoView({ block: "nearest" });
        });
        box.append(d);
      });
      bubble.append(box);
    }
    if (answer.refused) bubble.append(signpost());
    showStart(bubble);
  }

  // a long answer is shown from its beginning; a short one scrolls the log to the end
  function showStart(bubble) {
    if (bubble.offsetHeight > log.clientHeight - 16) {
      log.scrollTop = bubble.offsetTop - log.offsetTop - 8;
    } else {
      scrollDown();
    }
  }

  function renderError(bubble, message) {
    bubble.textContent = "";
    bubble.classList.add("error");
    bubble.setAttribute("role", "alert");
    bubble.append(el("span", { "class": "label" }, "Sorry"), document.createTextNode(message));
    scrollDown();
  }

  function newBotBubble() {
    var b = el("div", { "class": "msg bot" });
    b.append(el("span", { "class": "typing" }, "Looking through the documents…"));
    log.append(b);
    scrollDown();
    return b;
  }

  function welcome() {
    var w = el("div", { "class": "msg bot welcome" });
    w.textContent = "Hello! Ask me about Integrated Care Systems (ICSs) in England, for example " +
      "\u201cWhat is an integrated care system?\u201d";
    log.append(w);
  }

  function renderAll() {
    log.textContent = "";
    welcome();
    exchanges.forEach(function (x) {
      addUser(x.question);
      var b = el("div", { "class": "msg bot" });
      log.append(b);
      renderAnswer(b, x.answer);
    });
  }

  /* ---- talking to the API: fetch + ReadableStream, parsing Server-Sent Events ---- */
  function parseEvents(buffer, onEvent) {
    var text = buffer.replace(/\r\n?/g, "\n");
    var parts = text.split("\n\n");
    var rest = parts.pop();
    parts.forEach(function (block) {
      var event = "message", data = [];
      block.split("\n").forEach(function (line) {
        if (line.indexOf("event:") === 0) event = line.slice(6).trim();
        else if (line.indexOf("data:") === 0) data.push(line.slice(5).replace(/^ /, ""));
      });
      if (data.length) onEvent(event, data.join("\n"));
    });
    return rest;
  }

  function errorMessage(status, body) {
    var msg = body && body.error && body.error.message;
    if (status === 429) return "Too many questions in a short time. " + (msg || "Please wait a minute and try again.");
    return msg || "The assistant could not answer just now (error " + status + "). Please try again.";
  }

  function ask(question) {
    busy = true;
    send.disabled = true;
    log.setAttribute("aria-busy", "true");
    addUser(question);
    var bubble = newBotBubble();
    var streamed = null;
    var finalAnswer = null;
    var payload = { message: question, history: historyTurns() };

    function onEvent(event, data) {
      var obj;
      try { obj = JSON.parse(data); } catch (e) { return; }
      if (event === "delta") {
        if (streamed === null) {
          bubble.textContent = "";
          streamed = el("div", { "class": "answer-text" });
          bubble.append(streamed);
        }
        streamed.textContent += obj.text || "";
        scrollDown();
      } else if (event === "answer") {
        finalAnswer = obj;
        renderAnswer(bubble, obj);
      } else if (event === "error") {
        renderError(bubble, obj.message || "The assistant failed to answer.");
      }
    }

    return fetch(apiBase + "/api/chat/stream", {
      method: "POST",
      headers: { "Content-Type": "application/json", "Accept": "text/event-stream" },
      body: JSON.stringify(payload),
      credentials: "omit"
    }).then(function (res) {
      if (!res.ok) {
        return res.json().catch(function () { return null; }).then(function (body) {
          renderError(bubble, errorMessage(res.status, body));
        });
      }
      var reader = res.body.getReader();
      var decoder = new TextDecoder();
      var buffer = "";
      function pump() {
        return reader.read().then(function (r) {
          if (r.done) {
            parseEvents(buffer + "\n\n", onEvent);
            return;
          }
          buffer = parseEvents(buffer + decoder.decode(r.value, { stream: true }), onEvent);
          return pump();
        });
      }
      return pump();
    }).catch(function () {
      renderError(bubble, "The assistant could not be reached from this page. Please try again later.");
    }).then(function () {
      if (finalAnswer) {
        exchanges.push({ question: question, answer: finalAnswer });
        saveState();
      } else if (!bubble.classList.contains("error")) {
        renderError(bubble, "The answer was interrupted. Please try again.");
      }
      busy = false;
      send.disabled = false;
      log.setAttribute("aria-busy", "false");
      input.focus();
    });
  }

  /* ---- interaction and focus management ---- */
  function open() {
    panel.hidden = false;
    launcher.setAttribute("aria-expanded", "true");
    input.focus();
    scrollDown();
  }
  function close() {
    panel.hidden = true;
    launcher.setAttribute("aria-expanded", "false");
    launcher.focus();
  }
  launcher.addEventListener("click", function () { if (panel.hidden) open(); else close(); });
  closeBtn.addEventListener("click", close);
  resetBtn.addEventListener("click", function () {
    exchanges = [];
    saveState();
    renderAll();
    input.focus();
  });
  panel.addEventListener("keydown", function (e) {
    if (e.key === "Escape") { e.preventDefault(); close(); }
  });
  input.addEventListener("keydown", function (e) {
    if (e.key === "Enter" && !e.shiftKey) { e.preventDefault(); form.requestSubmit ? form.requestSubmit() : submit(e); }
  });
  function submit(e) {
    if (e) e.preventDefault();
    var q = input.value.trim();
    if (busy) return;
    if (!q) { input.focus(); return; }
    if (q.length > MAX_CHARS) q = q.slice(0, MAX_CHARS);
    input.value = "";
    ask(q);
  }
  form.addEventListener("submit", submit);

  exchanges = loadState();
  renderAll();
  function mount() {
    document.body.appendChild(host);
    if (script && script.getAttribute("data-open") === "true") open();
  }
  if (document.body) mount(); else document.addEventListener("DOMContentLoaded", mount);
})();
