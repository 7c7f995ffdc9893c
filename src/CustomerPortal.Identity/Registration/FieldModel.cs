namespace CustomerPortal.Identity.Registration;

/// <summary>One labelled text input of a form, with its message key when invalid (rendered by _Field.cshtml).</summary>
public sealed record FieldModel(
    string Name,
    string? Value,
    string? ErrorKey,
    bool required = false,
    string type = "text",
    string? autocomplete = null,
    string? inputMode = null,
    string prefix = "Input",
    string labelPrefix = "register.");
