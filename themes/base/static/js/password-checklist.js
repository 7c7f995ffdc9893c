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
  // Each rule stays a list item (a list may hold nothing else); its state is spoken from a
  // visually hidden text in the page's language, the tick is drawn by the "met" class.
  list.querySelectorAll("li[data-rule]").forEach((item) => {
    const state = document.createElement("span");
    state.className = "visually-hidden rule-state";
    item.append(state);
  });
  const update = () => {
    list.querySelectorAll("li[data-rule]").forEach((item) => {
      const met = rules[item.dataset.rule](field.value);
      item.classList.toggle("met", met);
      item.querySelector(".rule-state").textContent = met ? list.dataset.met : list.dataset.unmet;
    });
  };
  field.addEventListener("input", update);
  update();
});
