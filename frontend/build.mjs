// Builds the site's CSS and JavaScript into build/ for Django's staticfiles.
//
//   npm ci && npm run build
//
// Uses only packages from package.json (sass is dart-sass compiled to JavaScript), so the
// build needs nothing installed globally beyond Node.js.
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as sass from "sass";

const here = dirname(fileURLToPath(import.meta.url));
const build = join(here, "build");
const govukDist = join(here, "node_modules", "govuk-frontend", "dist", "govuk");

mkdirSync(join(build, "css"), { recursive: true });
mkdirSync(join(build, "js"), { recursive: true });
mkdirSync(join(build, "images"), { recursive: true });

const css = sass.compile(join(here, "scss", "main.scss"), {
  style: "compressed",
  loadPaths: [join(here, "node_modules")],
  // govuk-frontend 5 is written with @import; its warnings are not ours to fix.
  quietDeps: true,
  silenceDeprecations: ["import", "global-builtin"],
});
writeFileSync(join(build, "css", "main.css"), css.css);

copyFileSync(join(govukDist, "govuk-frontend.min.js"), join(build, "js", "govuk-frontend.min.js"));
copyFileSync(join(here, "js", "init.mjs"), join(build, "js", "init.mjs"));
copyFileSync(join(here, "js", "js-enabled.js"), join(build, "js", "js-enabled.js"));
// An empty icon, until the site has one: it stops browsers asking for /favicon.ico, and is a
// file rather than a data: URL so that the Content-Security-Policy's img-src stays 'self'.
copyFileSync(join(here, "images", "favicon.svg"), join(build, "images", "favicon.svg"));

console.log(`Built ${join(build, "css", "main.css")} (${css.css.length} bytes) and js/.`);
