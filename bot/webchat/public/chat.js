/*
 * The customer's web chat: the stock Bot Framework Web Chat over Direct Line. Where the Direct Line endpoint and
 * its tokens come from is configuration (webchat/config.json), so the same page works with the bot's own channel
 * or with Azure's. The conversation id and token are kept in sessionStorage: a reload refreshes the token and
 * reconnects to the same conversation, whose kept transcript is replayed; "New conversation" forgets them.
 */
(function () {
  "use strict";
  var KEY = "porting-bot.webchat.session";
  var root = document.getElementById("webchat");
  var status = document.getElementById("status");

  if (new URLSearchParams(location.search).has("embed")) {
    document.body.classList.add("embedded");
    // In the embed snippet's panel: Escape closes the panel (see embed.js).
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && window.parent !== window) window.parent.postMessage("porting-chat:close", "*");
    });
  }

  function saved() {
    try {
      var session = JSON.parse(sessionStorage.getItem(KEY) || "null");
      return session && typeof session.conversationId === "string" && typeof session.token === "string" ? session : null;
    } catch (error) {
      return null;
    }
  }

  function keep(session) {
    sessionStorage.setItem(KEY, JSON.stringify(session));
  }

  async function postJson(url, token) {
    var response = await fetch(url, { method: "POST", headers: token ? { Authorization: "Bearer " + token } : {} });
    if (!response.ok) throw new Error(url + " answered " + response.status);
    return response.json();
  }

  /** The kept conversation with a fresh token, or a new conversation's token when there is none or it is gone. */
  async function session(config) {
    var previous = saved();
    if (previous) {
      try {
        var refreshed = await postJson(config.domain + "/tokens/refresh", previous.token);
        return { conversationId: previous.conversationId, token: refreshed.token, resumed: true };
      } catch (error) {
        sessionStorage.removeItem(KEY);
      }
    }
    var generated = await postJson(config.tokenUrl);
    return { conversationId: generated.conversationId, token: generated.token, resumed: false };
  }

  function styleOptions(config) {
    return {
      accent: config.accent,
      botAvatarInitials: config.botInitials,
      userAvatarInitials: "You",
      bubbleBorderRadius: 8,
      bubbleFromUserBackground: config.accent,
      bubbleFromUserTextColor: "#ffffff",
      bubbleFromUserBorderRadius: 8,
      bubbleMaxWidth: 640,
      hideUploadButton: true,
      sendBoxButtonColor: config.accent,
      suggestedActionLayout: "flow",
      primaryFont: "'Segoe UI', system-ui, -apple-system, Roboto, Helvetica, Arial, sans-serif",
    };
  }

  async function start() {
    var config = await (await fetch("webchat/config.json")).json();
    config.domain = new URL(config.domain, document.baseURI).href.replace(/\/$/, "");
    config.tokenUrl = new URL(config.tokenUrl, document.baseURI).href;
    document.title = config.title;
    document.getElementById("title").textContent = config.title;
    document.documentElement.style.setProperty("--accent", config.accent);

    var current = await session(config);
    var directLine = window.WebChat.createDirectLine({
      domain: config.domain,
      token: current.token,
      conversationId: current.resumed ? current.conversationId : undefined,
      webSocket: config.webSocket,
    });
    var remember = function () {
      keep({ conversationId: directLine.conversationId || current.conversationId, token: directLine.token || current.token });
    };
    remember();
    directLine.activity$.subscribe(remember);
    window.addEventListener("pagehide", remember);

    status.remove();
    root.removeAttribute("aria-busy");
    window.WebChat.renderWebChat({ directLine: directLine, styleOptions: styleOptions(config), locale: "en-US" }, root);
    var input = root.querySelector("input[type=text], textarea");
    if (input && !new URLSearchParams(location.search).has("embed")) input.focus();
    // Capture: Adaptive Cards stops its buttons' clicks from bubbling.
    root.addEventListener("click", focusAfterKeyboardChoice, true);
  }

  /**
   * A card's button pressed from the keyboard (a click without a pointer: detail 0) sends the choice; the focus then
   * goes to the message box, as after a typed message, instead of staying on the old card's button, from where the
   * next question cannot be reached without going back through the history. Buttons that open part of their card
   * ("Details": aria-controls) keep it. A pointer's click moves nothing (no keyboard popping up on a phone).
   */
  function focusAfterKeyboardChoice(event) {
    var button = event.target instanceof Element ? event.target.closest(".ac-pushButton") : null;
    if (!button || event.detail !== 0 || button.hasAttribute("aria-controls")) return;
    setTimeout(function () {
      var box = root.querySelector("input[type=text], textarea");
      if (box) box.focus();
    }, 0);
  }

  document.getElementById("restart").addEventListener("click", function () {
    sessionStorage.removeItem(KEY);
    location.reload();
  });

  start().catch(function (error) {
    status.textContent = "The chat could not connect. Please try again in a moment.";
    console.error(error);
  });
})();
