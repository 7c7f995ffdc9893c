// Show-password toggle of the sign-in page: switches the field between hidden and plain text.
document.querySelectorAll("button.show-password").forEach((button) => {
  const field = document.getElementById(button.getAttribute("aria-controls"));
  button.addEventListener("click", () => {
    const show = field.type === "password";
    field.type = show ? "text" : "password";
    button.textContent = show ? button.dataset.hide : button.dataset.show;
    button.setAttribute("aria-pressed", String(show));
  });
});
