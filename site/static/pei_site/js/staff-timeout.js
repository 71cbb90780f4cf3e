// Warns a signed-in member of staff a few minutes before their session ends for want of
// activity (pei_site/staff_sessions.py), so that a half-written form is not lost, and renews
// the session if they ask. Without JavaScript the session simply ends and the next request
// goes to the sign-in page.
(() => {
  const script = document.currentScript;
  const idle = Number(script.dataset.idleSeconds) * 1000;
  const keepAliveUrl = script.dataset.keepAliveUrl;
  if (!idle || !keepAliveUrl) return;
  const warnBefore = Math.min(5 * 60 * 1000, idle / 6);
  let timers = [];
  let dialog = null;

  function minutes(ms) {
    const n = Math.max(1, Math.round(ms / 60000));
    return n === 1 ? "1 minute" : `${n} minutes`;
  }

  function clear() {
    timers.forEach(clearTimeout);
    timers = [];
    if (dialog) dialog.remove();
    dialog = null;
  }

  function schedule() {
    clear();
    timers.push(setTimeout(warn, idle - warnBefore));
    timers.push(setTimeout(ended, idle));
  }

  function element(tag, attributes, text) {
    const made = document.createElement(tag);
    Object.entries(attributes).forEach(([name, value]) => made.setAttribute(name, value));
    if (text) made.textContent = text;
    return made;
  }

  function warn() {
    dialog = element("div", {
      class: "pei-timeout",
      role: "alertdialog",
      "aria-labelledby": "pei-timeout-heading",
      "aria-describedby": "pei-timeout-text",
    });
    dialog.append(
      element("h2", { id: "pei-timeout-heading" }, "You will be signed out soon"),
      element(
        "p",
        { id: "pei-timeout-text" },
        `Nothing has been sent from this page for a while. In ${minutes(warnBefore)} you ` +
          "will be signed out, and anything not saved on this page will be lost.",
      ),
    );
    const stay = element("button", { type: "button", class: "button" }, "Stay signed in");
    stay.addEventListener("click", () => {
      fetch(keepAliveUrl, { credentials: "same-origin", cache: "no-store" }).then((answer) => {
        if (answer.ok) schedule();
      });
    });
    dialog.append(stay);
    document.body.prepend(dialog);
    stay.focus();
  }

  function ended() {
    if (!dialog) return;
    dialog.querySelector("h2").textContent = "You have been signed out";
    dialog.querySelector("p").textContent =
      "Copy anything you want to keep from this page, then sign in again.";
    dialog.querySelector("button").remove();
  }

  schedule();
})();
