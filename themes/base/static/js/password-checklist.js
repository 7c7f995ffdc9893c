// Live password checklist: ticks each rule of the policy while the user types. The rules come
// from the list's data attributes (rendered from the server's options); the server checks again.
document.querySelectorAll("ul.password-checklist").forEach((list) => {
  const field = document.getElementById(list.dataset.for);
  const min = Number(list.dataset.min);
  const max = Number(list.dataset.max);
  const symbols = list.dataset.symbols;
  const allowed = (c) => /[A-Za-z0-9]/.test(c) || symbols.includes(c);
  const rules = {
    length: (p) => p.length >= min && p.length <= max,
    characters: (p) => p.length > 0 && [...p].every(allowed),
    uppercase: (p) => /[A-Z]/.test(p),
    lowercase: (p) => /[a-z]/.test(p),
    digit: (p) => /[0-9]/.test(p),
  };
  const update = () => {
    list.querySelectorAll("li[data-rule]").forEach((item) => {
      const met = rules[item.dataset.rule](field.value);
      item.classList.toggle("met", met);
      item.setAttribute("aria-checked", String(met));
    });
  };
  list.querySelectorAll("li[data-rule]").forEach((item) => item.setAttribute("role", "checkbox"));
  field.addEventListener("input", update);
  update();
});
