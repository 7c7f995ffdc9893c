namespace CustomerPortal.Identity.Registration;

/// <summary>
/// One labelled text input of a form, with its message key when invalid (rendered by _Field.cshtml). Its label
/// carries a 必須 badge when <c>required</c>, a 任意 badge when <c>optional</c> (forms that mark every field, like the sign-up).
/// </summary>
public sealed record FieldModel(
    string Name,
    string? Value,
    string? ErrorKey,
    bool required = false,
    string type = "text",
    string? autocomplete = null,
    string? inputMode = null,
    string prefix = "Input",
    string labelPrefix = "register.",
    bool optional = false);
