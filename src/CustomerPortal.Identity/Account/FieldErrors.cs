using CustomerPortal.Identity.Registration;

namespace CustomerPortal.Identity.Account;

/// <summary>
/// What is wrong with a posted form: field name → message key, which the page translates. A field
/// keeps the first message it gets, so a form checks each field once, in one line, with the checks
/// below (the rules registration, account settings, the address book and the staff forms share);
/// <see cref="Add"/> and <see cref="Check"/> are for a form's own rules. Every form's Validate
/// returns one, every page model shows it as <c>Errors</c>, and views ask <see cref="For"/>.
/// </summary>
/// <remarks>
/// A new password is not reported here: the policy gives several texts for that one field, already
/// in the user's language with their arguments (the character refused, the length), from Identity's
/// validators; the password pages list them as they come (Passwords/_NewPassword.cshtml).
/// </remarks>
public sealed class FieldErrors
{
    public const string RequiredKey = "register.error.required";
    public const string TooLongKey = "register.error.tooLong";

    private readonly Dictionary<string, string> _byField = new(StringComparer.Ordinal);

    public int Count => _byField.Count;

    public bool IsEmpty => _byField.Count == 0;

    /// <summary>Each wrong field with its message key, in the order they were found (for an API's problem details).</summary>
    public IReadOnlyDictionary<string, string> ByField => _byField;

    /// <summary>The message key for <paramref name="field"/>, or null when it is fine.</summary>
    public string? For(string field) => _byField.GetValueOrDefault(field);

    /// <summary>Records a message for a field, unless it already has one.</summary>
    public void Add(string field, string messageKey) => _byField.TryAdd(field, messageKey);

    /// <summary>A form's own rule: <paramref name="messageKey"/> when <paramref name="valid"/> is false.</summary>
    public void Check(string field, bool valid, string messageKey)
    {
        if (!valid)
        {
            Add(field, messageKey);
        }
    }

    /// <summary>Something must be entered, and not more than <paramref name="maxLength"/> characters.</summary>
    public void Required(string field, string? value, int maxLength)
    {
        if (string.IsNullOrEmpty(value))
        {
            Add(field, RequiredKey);
        }
        else
        {
            Check(field, value.Length <= maxLength, TooLongKey);
        }
    }

    /// <summary>May stay empty; when entered, not more than <paramref name="maxLength"/> characters.</summary>
    public void Optional(string field, string? value, int maxLength) => Check(field, (value?.Length ?? 0) <= maxLength, TooLongKey);

    /// <summary>A required plain address with a domain (<see cref="FieldRules.IsEmail"/>).</summary>
    public void Email(string field, string? value) => Formatted(field, value, required: true, FieldRules.IsEmail, "register.error.email");

    /// <summary>A Japanese phone number (<see cref="FieldRules.IsPhone"/>), required or optional.</summary>
    public void Phone(string field, string? value, bool required) => Formatted(field, value, required, FieldRules.IsPhone, "register.error.phone");

    /// <summary>A required postal code, "123-4567".</summary>
    public void PostalCode(string field, string? value) =>
        Formatted(field, value, required: true, FieldRules.IsPostalCode, "register.error.postalCode");

    /// <summary>One of the 47 prefecture codes (always chosen from a list, so never merely missing).</summary>
    public void Prefecture(string field, string? value) => Check(field, Prefectures.IsCode(value), "register.error.prefecture");

    /// <summary>A name's reading: may stay empty; when entered, full-width katakana of at most <see cref="FieldRules.NameLength"/>.</summary>
    public void Kana(string field, string? value) =>
        Check(field, string.IsNullOrEmpty(value) || (value.Length <= FieldRules.NameLength && FieldRules.IsKana(value)), "register.error.kana");

    /// <summary>A language the portal speaks (the message bundles' languages).</summary>
    public void Language(string field, string? value) =>
        Check(field, value is not null && MessageBundle.Languages.Contains(value), "register.error.language");

    private void Formatted(string field, string? value, bool required, Func<string, bool> isValid, string messageKey)
    {
        if (string.IsNullOrEmpty(value))
        {
            Check(field, !required, RequiredKey);
        }
        else
        {
            Check(field, isValid(value), messageKey);
        }
    }
}
