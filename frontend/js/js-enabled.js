// GOV.UK Frontend's body-class snippet, as a file rather than inline: the site's
// Content-Security-Policy runs no inline script. Loaded without defer or async straight
// after <body>, as the inline snippet was, so the classes are set before the page is drawn.
document.body.className +=
  " js-enabled" + ("noModule" in HTMLScriptElement.prototype ? " govuk-frontend-supported" : "");
