// The agenda's "Print agenda" button. Without JavaScript the button stays hidden and the
// browser's own print command prints the same clean page (see agenda.css).
document.querySelectorAll("[data-pei-print]").forEach((button) => {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
});
