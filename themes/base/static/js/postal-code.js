// 〒 → address. A form with data-postal-fill="PostalCode Prefecture City Street" (the ids of its postal code,
// prefecture, city and town fields) asks the portal's own table (/api/postal-codes/{code}, no outside service)
// as soon as the postal code holds 7 digits (full-width digits and a hyphen are fine), and fills in the
// prefecture, city and town. A field the customer typed into is left alone; one this script filled follows a
// changed code. Without JavaScript, or for a code the table does not know, the address is simply typed.
document.querySelectorAll("form[data-postal-fill]").forEach((form) => {
  const [postal, prefecture, city, town] = form.dataset.postalFill.split(" ").map((id) => document.getElementById(id));
  const status = form.querySelector("[data-postal-status]");
  if (!postal || !prefecture || !city || !town) {
    return;
  }
  let asked = "";

  const digitsOf = (text) =>
    text.replace(/[０-９]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0)).replace(/[\s\-‐‑‒–—―−ー－ｰ]/g, "");

  // Empty, or still what this script put there: the customer has not written anything of their own.
  const fill = (field, value) => {
    if (value && (field.value === "" || field.value === field.dataset.filled)) {
      field.value = value;
      field.dataset.filled = value;
    }
  };

  const say = (text) => {
    if (status) {
      status.textContent = text || "";
    }
  };

  const lookUp = async () => {
    const code = digitsOf(postal.value);
    if (!/^\d{7}$/.test(code) || code === asked) {
      return;
    }
    asked = code;
    let response;
    try {
      response = await fetch(`/api/postal-codes/${code}`, { headers: { Accept: "application/json" } });
    } catch {
      return; // offline or the portal is restarting: the fields are typed as without this script
    }
    if (code !== digitsOf(postal.value)) {
      return; // the code changed while the answer was on its way
    }
    if (!response.ok) {
      say(response.status === 404 ? status?.dataset.unknown : "");
      return;
    }
    const address = await response.json();
    fill(prefecture, address.prefecture);
    fill(city, address.city);
    fill(town, address.town);
    say(status?.dataset.filled);
  };

  // The street number follows the filled-in town: the caret goes to the town's end instead of the whole town
  // being selected (as a tab into a field selects it) and typed over.
  town.addEventListener("focus", () => {
    if (town.value !== "" && town.value === town.dataset.filled) {
      const toTheEnd = () => town.setSelectionRange(town.value.length, town.value.length);
      toTheEnd();
      setTimeout(toTheEnd, 0);
    }
  });

  postal.addEventListener("input", lookUp);
  postal.addEventListener("change", lookUp);
  // A form shown again (after an error, or from the confirmation) may already hold a code: nothing is filled then,
  // as every field already holds what the customer chose.
  asked = digitsOf(postal.value);
});
