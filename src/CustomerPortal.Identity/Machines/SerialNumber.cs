using CustomerPortal.Identity.Account;

namespace CustomerPortal.Identity.Machines;

/// <summary>The 7-digit serial on the machine's label or imprint (シリアルナンバー).</summary>
public static class SerialNumber
{
    public const int Length = 7;

    /// <summary>Full-width digits become ASCII; spaces and any kind of hyphen are dropped ("１２３-４５６７" → "1234567").</summary>
    public static string Normalize(string? input) =>
        new(InputText.Normalize(input).Where(c => c != ' ' && !InputText.IsHyphen(c)).ToArray());

    public static bool IsValid(string normalized) =>
        normalized.Length == Length && normalized.All(char.IsAsciiDigit);
}
