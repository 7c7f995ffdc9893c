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
