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
