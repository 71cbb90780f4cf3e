// The "Print" button of agendas and reports. Without JavaScript the button stays hidden and
// the browser's own print command prints the same clean page (see print.css).
document.querySelectorAll("[data-pei-print]").forEach((button) => {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
});
