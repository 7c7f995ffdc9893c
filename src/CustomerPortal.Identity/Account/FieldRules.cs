namespace CustomerPortal.Identity.Account;

/// <summary>
/// Rules for the fields that registration, account settings and the address book share, as predicates and normalisers;
/// <see cref="FieldErrors"/> turns them into the checks the forms state.
/// </summary>
public static class FieldRules
{
    /// <summary>Longest name: a person's family or given name and its reading, an address book entry's label or purpose.</summary>
    public const int NameLength = 100;

    /// <summary>Longest line of text: a company, a department, a recipient, a line of an address.</summary>
    public const int LineLength = 200;

    /// <summary>Digits with hyphens between them, 10 or 11 digits in all (Japanese landline and mobile numbers).</summary>
    public static bool IsPhone(string value) =>
        value.All(c => char.IsAsciiDigit(c) || c == '-') && value.Count(char.IsAsciiDigit) is 10 or 11;

    /// <summary>"123-4567".</summary>
    public static bool IsPostalCode(string value) =>
        value.Length == 8 && value[3] == '-' && value.Remove(3, 1).All(char.IsAsciiDigit);

    public static bool IsEmail(string value) =>
        value.Length <= 256 && System.Net.Mail.MailAddress.TryCreate(value, out var address) && address.Address == value
        && value.IndexOf('@') is > 0 and var at && value[(at + 1)..].Contains('.');

    /// <summary>A name's reading in full-width katakana (NFKC has turned half-width kana into it), with 長音, 中点 and spaces.</summary>
    public static bool IsKana(string value) => value.All(c => c is >= '\u30A1' and <= '\u30FA' or 'ー' or '・' or ' ' or '　');

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
