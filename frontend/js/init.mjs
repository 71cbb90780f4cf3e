// Starts govuk-frontend's components (menu toggle, skip link focus and so on).
// The site works without it: every component degrades to plain HTML.
import { initAll } from "./govuk-frontend.min.js";

initAll();
