// "Print" beside the recovery codes: the browser's print dialog (no inline script under the CSP).
document.querySelectorAll(".print-page").forEach((button) => button.addEventListener("click", () => window.print()));
