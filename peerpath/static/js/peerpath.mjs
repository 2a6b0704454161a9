// Loaded as a module, so it only runs in browsers GOV.UK Frontend supports. The classes
// it adds switch on the components' JavaScript styles; no inline script is needed, which
// keeps the Content Security Policy strict.
import { initAll } from "../vendor/govuk/govuk-frontend.min.js";
import "./autosave.mjs";
import "./table-scroll.mjs";

document.body.classList.add("js-enabled", "govuk-frontend-supported");
initAll();
