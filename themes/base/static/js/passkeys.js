// Passkeys (WebAuthn) for the forms that offer them. A form holding a button with
// data-passkey="get" (sign in, confirm a step) or data-passkey="create" (add a passkey) runs the
// browser's passkey prompt with options fetched from data-passkey-options, then posts the answer
// in its hidden [data-passkey-answer] field (or what went wrong in [data-passkey-error]) as a
// normal form post, so the server decides where to go next. Elements marked data-passkey-ui stay
// hidden in browsers without passkeys, those marked data-passkey-ui-absent only show there. A form marked data-passkey-autofill also offers its passkeys
// in the email field's suggestions (autocomplete="username webauthn").
(() => {
  const supported = typeof window.PublicKeyCredential === "function" && navigator.credentials
    && typeof PublicKeyCredential.parseRequestOptionsFromJSON === "function"
    && typeof PublicKeyCredential.parseCreationOptionsFromJSON === "function";
  let current; // the prompt under way: a new one aborts it, as the server keeps one challenge per browser
  // Option fetches run one after another: the server's challenge cookie is then always the last
  // fetched, so a click while the autofill's options are still on their way cannot be overtaken by them.
  let fetching = Promise.resolve();

  async function options(form, url) {
    const token = form.querySelector("input[name='__RequestVerificationToken']")?.value ?? "";
    const response = await fetch(url, { method: "POST", credentials: "same-origin", headers: { RequestVerificationToken: token } });
    if (!response.ok) {
      throw new Error(`options ${response.status}`);
    }
    return response.json();
  }

  function post(form, button, answer, error) {
    form.querySelector("[data-passkey-answer]").value = answer ? JSON.stringify(answer) : "";
    const errorField = form.querySelector("[data-passkey-error]");
    if (errorField) {
      errorField.value = error ?? "";
    }
    if (button?.formAction && button.hasAttribute("formaction")) {
      form.action = button.formAction;
    }
    form.submit();
  }

  async function ceremony(form, button, operation, conditional) {
    current?.abort();
    const controller = new AbortController();
    current = controller;
    try {
      const fetched = fetching.catch(() => {}).then(() => options(form, (button ?? form).dataset.passkeyOptions));
      fetching = fetched;
      const json = await fetched;
      if (controller !== current) {
        return; // replaced while its options were on their way
      }
      const answer = operation === "create"
        ? await navigator.credentials.create({ publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(json), signal: controller.signal })
        : await navigator.credentials.get({
          publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(json),
          mediation: conditional ? "conditional" : "optional",
          signal: controller.signal,
        });
      post(form, button, answer);
    } catch (e) {
      if (conditional || e.name === "AbortError" || controller !== current) {
        return; // a suggestion not taken, or a prompt replaced by another: nothing to say
      }
      post(form, button, null, e.name === "InvalidStateError" ? "exists" : e.name === "NotAllowedError" ? "cancelled" : "failed");
    }
  }

  document.querySelectorAll("[data-passkey-ui]").forEach((element) => { element.hidden = !supported; });
  document.querySelectorAll("[data-passkey-ui-absent]").forEach((element) => { element.hidden = supported; });
  if (!supported) {
    return;
  }
  document.querySelectorAll("button[data-passkey]").forEach((button) => button.addEventListener("click", (event) => {
    event.preventDefault();
    ceremony(button.form, button, button.dataset.passkey, false);
  }));
  document.querySelectorAll("form[data-passkey-autofill]").forEach(async (form) => {
    if (await PublicKeyCredential.isConditionalMediationAvailable?.()) {
      ceremony(form, null, "get", true);
    }
  });
})();
