// Conditional questions under radios, revealed as the practitioner picks an option.
//
// This uses govuk-frontend's markup and CSS (govuk-radios__conditional, data-aria-controls)
// but not its Radios script, which puts aria-expanded on each radio input: ARIA does not
// allow that attribute on a radio, so axe-core reports it (aria-allowed-attr, WCAG 4.1.2;
// see alphagov/govuk-frontend#979). The revealed questions follow their option in the page,
// so screen reader users meet them in order.
//
// Without JavaScript nothing is hidden: the CSS hides a closed reveal only when the page says
// govuk-frontend is supported, and then this module runs too.
function syncReveal(input) {
  const target = document.getElementById(input.getAttribute("aria-controls") || "");
  if (target) {
    target.classList.toggle("govuk-radios__conditional--hidden", !input.checked);
  }
}

for (const group of document.querySelectorAll("[data-pei-conditional-radios]")) {
  const inputs = [...group.querySelectorAll('input[type="radio"]')];
  for (const input of inputs) {
    const targetId = input.getAttribute("data-aria-controls");
    if (targetId && document.getElementById(targetId)) {
      input.setAttribute("aria-controls", targetId);
      input.removeAttribute("data-aria-controls");
    }
  }
  const syncAll = () => inputs.forEach(syncReveal);
  group.addEventListener("change", syncAll);
  // The back button can restore a different choice from the page cache.
  window.addEventListener("pageshow", syncAll);
  syncAll();
}
