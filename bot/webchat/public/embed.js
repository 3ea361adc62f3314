/*
 * Web chat on the provider's own site: <script src="https://BOT-ADDRESS/embed.js" async></script> adds a "Chat with
 * us" button that opens the bot's chat page in a panel. The button and the panel work by keyboard; Escape closes
 * the panel and gives the focus back to the button. data-title on the script tag sets the button's text.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  var origin = new URL(script.src, location.href);
  var label = script.getAttribute("data-title") || "Chat with us";

  var style = document.createElement("style");
  style.textContent =
    ".porting-chat-button{position:fixed;right:1rem;bottom:1rem;z-index:2147483000;font:600 1rem system-ui,sans-serif;" +
    "padding:.75rem 1.1rem;border:0;border-radius:2rem;background:#0b5cad;color:#fff;box-shadow:0 2px 8px rgba(0,0,0,.3);cursor:pointer}" +
    ".porting-chat-button:focus-visible{outline:3px solid #ffd84d;outline-offset:2px}" +
    ".porting-chat-panel{position:fixed;right:1rem;bottom:4.5rem;z-index:2147483000;width:min(400px,calc(100vw - 2rem));" +
    "height:min(640px,calc(100vh - 6rem));border:1px solid #ccc;border-radius:8px;box-shadow:0 4px 16px rgba(0,0,0,.3);background:#fff}" +
    ".porting-chat-panel[hidden]{display:none}";
  document.head.appendChild(style);

  var button = document.createElement("button");
  button.type = "button";
  button.className = "porting-chat-button";
  button.textContent = label;
  button.setAttribute("aria-expanded", "false");
  button.setAttribute("aria-controls", "porting-chat-panel");

  var panel = document.createElement("iframe");
  panel.id = "porting-chat-panel";
  panel.className = "porting-chat-panel";
  panel.title = label;
  panel.hidden = true;

  function toggle(open) {
    if (open && !panel.src) panel.src = new URL("./?embed=1", origin).href;
    panel.hidden = !open;
    button.setAttribute("aria-expanded", String(open));
    if (open) panel.focus();
    else button.focus();
  }

  button.addEventListener("click", function () {
    toggle(panel.hidden);
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && !panel.hidden) toggle(false);
  });
  // Escape pressed inside the chat: the page in the panel, another origin, says so by a message.
  window.addEventListener("message", function (event) {
    if (event.origin === origin.origin && event.source === panel.contentWindow && event.data === "porting-chat:close") toggle(false);
  });

  document.body.appendChild(button);
  document.body.appendChild(panel);
})();
