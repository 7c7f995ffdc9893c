namespace CustomerPortal.Identity.Account.Passkeys;

/// <summary>
/// A form that runs a passkey prompt and posts the answer to <see cref="Handler"/> of the current
/// page (_PasskeyForm.cshtml; passkeys.js does the prompt).
/// </summary>
/// <param name="Operation">"get" to use a passkey, "create" to add one.</param>
/// <param name="OptionsUrl">See <see cref="PasskeyOptionsModel.RequestUrl"/> and <see cref="PasskeyOptionsModel.CreationUrl"/>.</param>
/// <param name="AskName">Whether the form asks a name for the new passkey.</param>
/// <param name="Level">The ACR level a step-up page was asked for, kept if the page shows again.</param>
public sealed record PasskeyFormView(
    string Handler, string Operation, string OptionsUrl, string ButtonKey, string? LeadKey = null, string? ReturnUrl = null, bool AskName = false)
{
    public string? Level { get; init; }

    public static PasskeyFormView Use(string handler, string whose, string buttonKey, string? leadKey = null, string? returnUrl = null) =>
        new(handler, "get", PasskeyOptionsModel.RequestUrl(whose), buttonKey, leadKey, returnUrl);

    public static PasskeyFormView Add(string handler, string whose, string buttonKey, string? leadKey = null, string? returnUrl = null, bool askName = false) =>
        new(handler, "create", PasskeyOptionsModel.CreationUrl(whose), buttonKey, leadKey, returnUrl, askName);
}
