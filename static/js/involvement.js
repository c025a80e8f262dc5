// GOV.UK Frontend's components (error summary focus, skip link, double-click guard, menus).
// Every page works without this script; it only adds conveniences.
import { initAll } from "../vendor/govuk-frontend.min.js";

initAll();
