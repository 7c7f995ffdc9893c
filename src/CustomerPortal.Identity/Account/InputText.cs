using System.Text;

namespace CustomerPortal.Identity.Account;

/// <summary>
/// Normalises what people type before it is validated: full-width letters and digits become
/// ASCII, half-width kana become full-width (Unicode NFKC), and surrounding spaces go.
/// </summary>
public static class InputText
{
    public static string Normalize(string? input) =>
        (input ?? "").Normalize(NormalizationForm.FormKC).Trim();

    /// <summary>Hyphen-like characters people type in phone numbers, postal codes and serials.</summary>
    public static bool IsHyphen(char c) => c is '-' or '‐' or '‑' or '‒' or '–' or '—' or '―' or '−' or 'ー' or 'ｰ' or '－';

    /// <summary>Digits only, with hyphens and spaces removed ("０３－１２３４" → "031234").</summary>
    public static string DigitsOf(string? input) =>
        new(Normalize(input).Where(c => !IsHyphen(c) && !char.IsWhiteSpace(c)).ToArray());

    /// <summary>Email addresses are compared and stored in lower case.</summary>
    public static string NormalizeEmail(string? input) => Normalize(input).ToLowerInvariant();
}

/// <summary>Rules for the fields that registration, account settings and the address book share.</summary>
public static class FieldRules
{
    /// <summary>Digits with hyphens between them, 10 or 11 digits in all (Japanese landline and mobile numbers).</summary>
    public static bool IsPhone(string value) =>
        value.All(c => char.IsAsciiDigit(c) || c == '-') && value.Count(char.IsAsciiDigit) is 10 or 11;

    /// <summary>"123-4567".</summary>
    public static bool IsPostalCode(string value) =>
        value.Length == 8 && value[3] == '-' && value.Remove(3, 1).All(char.IsAsciiDigit);

    public static bool IsEmail(string value) =>
        value.Length <= 256 && System.Net.Mail.MailAddress.TryCreate(value, out var address) && address.Address == value
        && value.IndexOf('@') is > 0 and var at && value[(at + 1)..].Contains('.');

    /// <summary>Adds the message key for a missing or too long required field.</summary>
    public static void Required(Dictionary<string, string> errors, string field, string? value, int maxLength)
    {
        if (string.IsNullOrEmpty(value))
        {
            errors[field] = "register.error.required";
        }
        else if (value.Length > maxLength)
        {
            errors[field] = "register.error.tooLong";
        }
    }

    /// <summary>Adds the message key for a too long optional field.</summary>
    public static void Optional(Dictionary<string, string> errors, string field, string? value, int maxLength)
    {
        if (value is { Length: > 0 } && value.Length > maxLength)
        {
            errors[field] = "register.error.tooLong";
        }
    }

    /// <summary>"０３ー１２３４ー５６７８" → "03-1234-5678".</summary>
    public static string NormalizePhone(string? input) =>
        new(InputText.Normalize(input).Select(c => InputText.IsHyphen(c) ? '-' : c).Where(c => !char.IsWhiteSpace(c)).ToArray());

    /// <summary>"１２３４５６７" or "123ー4567" → "123-4567"; anything else is left for validation to refuse.</summary>
    public static string NormalizePostalCode(string? input)
    {
        var digits = InputText.DigitsOf(input);
        return digits.Length == 7 && digits.All(char.IsAsciiDigit) ? $"{digits[..3]}-{digits[3..]}" : InputText.Normalize(input);
    }
}
