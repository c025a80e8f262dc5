// GOV.UK Frontend's components (error summary focus, skip link, double-click guard, menus).
// Every page works without this script; it only adds conveniences.
import { initAll } from "../vendor/govuk-frontend.min.js";

initAll();

// A print button only makes sense with JavaScript; without it the page says to use the browser.
for (const button of document.querySelectorAll("[data-print]")) {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
}

// "Read this to me" on the feedback pages, where the browser can speak. It reads the page's
// question and answers (marked .inv-readable) in order; pressing again stops.
const readAloud = document.querySelector("[data-read-aloud]");
if (readAloud && "speechSynthesis" in window) {
  readAloud.hidden = false;
  readAloud.addEventListener("click", () => {
    if (window.speechSynthesis.speaking) {
      window.speechSynthesis.cancel();
      return;
    }
    const text = [...document.querySelectorAll("#main-content .inv-readable")]
      .map((element) => element.innerText.trim())
      .join(". ");
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = document.documentElement.lang || "en-GB";
    window.speechSynthesis.speak(utterance);
  });
}

// A report being made: ask its status every few seconds and say when it changes (the
// element is a live region); once it is ready or failed, load the page again for its
// download or "try again" button. Without this script, refreshing shows the same.
const reportStatus = document.querySelector("[data-report-status]");
if (reportStatus) {
  const updates = reportStatus.querySelector("[data-report-updates]");
  if (updates) updates.hidden = false;
  const poll = async () => {
    try {
      const response = await fetch(reportStatus.dataset.reportStatus, {
        // Not activity: a page left open must not keep a session alive (sessions.py).
        headers: { Accept: "application/json", "X-Involvement-Background": "1" },
        credentials: "same-origin",
        redirect: "error",
      });
      if (response.ok) {
        const state = await response.json();
        const label = reportStatus.querySelector("[data-report-label]");
        if (label && label.textContent !== state.label) label.textContent = state.label;
        if (state.finished) {
          // Long enough for a screen reader to announce the new state first.
          window.setTimeout(() => window.location.reload(), 1500);
          return;
        }
      }
    } catch {
      // A dropped connection, or signed out (the sign-in redirect is refused): try again
      // at the next tick.
    }
    // Every 2 seconds for a few minutes, then every 30: a queued report may wait for a
    // worker for a long time.
    polls += 1;
    window.setTimeout(poll, polls < 150 ? 2000 : 30_000);
  };
  let polls = 0;
  window.setTimeout(poll, 1000);
}

// Two minutes before a signed-in session would end without activity, say so and offer to
// stay signed in (WCAG 2.2.1, timing adjustable). "Stay signed in" asks the server to count
// this as activity. When the time is up the dialog closes and a banner above the page says
// what to do: the page stays usable, so a form on it can still be sent and its typing kept.
const timeout = document.querySelector("[data-session-timeout]");
if (timeout && typeof timeout.showModal === "function") {
  const idle = Number(timeout.dataset.idleSeconds) * 1000;
  const warnBefore = Math.min(120_000, idle / 2);
  let timers = [];
  const ended = () => {
    if (timeout.open) timeout.close();
    const banner = document.querySelector("template[data-session-ended]");
    if (banner) banner.replaceWith(banner.content.cloneNode(true));
  };
  const schedule = () => {
    timers.forEach(window.clearTimeout);
    timers = [
      window.setTimeout(() => timeout.open || timeout.showModal(), idle - warnBefore),
      window.setTimeout(ended, idle),
    ];
  };
  timeout.querySelector("[data-session-stay]").addEventListener("click", async () => {
    try {
      const response = await fetch(timeout.dataset.keepAlive, {
        method: "POST",
        headers: { "X-CSRFToken": timeout.dataset.csrf },
        credentials: "same-origin",
        redirect: "manual",
      });
      if (response.status !== 204) return ended();
    } catch {
      return ended();
    }
    timeout.close();
    schedule();
  });
  schedule();
}
