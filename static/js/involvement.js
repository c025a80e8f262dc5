// GOV.UK Frontend's components (error summary focus, skip link, double-click guard, menus).
// Every page works without this script; it only adds conveniences.
import { initAll } from "../vendor/govuk-frontend.min.js";

initAll();

// A print button only makes sense with JavaScript; without it the page says to use the browser.
for (const button of document.querySelectorAll("[data-print]")) {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
}
