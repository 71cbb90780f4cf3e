// "Start from a template" on a step's form. Without JavaScript the picker is a GET form and
// the page comes back with the text in the box; here the text goes in place, so nothing the
// EIDO typed elsewhere on the form is lost. No inline script: the admin has a content
// security policy.
document.querySelectorAll("[data-pei-template-picker]").forEach((picker) => {
  const box = document.getElementById(picker.dataset.peiTemplateTarget);
  const select = picker.querySelector("select");
  const status = picker.querySelector("[data-pei-template-status]");
  if (!box || !select) {
    return;
  }
  picker.addEventListener("submit", (event) => {
    const option = select.options[select.selectedIndex];
    if (!option) {
      return;
    }
    event.preventDefault();
    box.value = option.dataset.text;
    const label = document.querySelector(`label[for="${box.id}"]`);
    const where = label ? `“${label.textContent.trim()}”` : "the box below";
    status.textContent =
      `The template “${option.textContent.trim()}” is in ${where}. ` +
      "Change it to fit this case before you send it.";
    box.focus();
  });
});
