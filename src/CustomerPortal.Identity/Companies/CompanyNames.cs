using System.Globalization;
using System.Text;

namespace CustomerPortal.Identity.Companies;

/// <summary>
/// Company names as people type them, made comparable so that one company is found whatever form
/// it was written in: 「株式会社サンプル」, 「(株)サンプル」, 「㈱ｻﾝﾌﾟﾙ」 and 「サンプル 株式会社」 are the same.
/// </summary>
public static class CompanyNames
{
    // The legal forms, in the forms NFKC leaves them (㈱ becomes (株)); written before or after the name.
    private static readonly string[] LegalForms =
    [
        "株式会社", "(株)", "有限会社", "(有)", "合同会社", "(同)", "合資会社", "(資)", "合名会社", "(名)",
        "カブシキガイシャ", "カブシキカイシャ", "ユウゲンガイシャ", "ゴウドウガイシャ",
        "co.,ltd.", "co.ltd.", "co., ltd.", "co.,ltd", "inc.", "k.k.", "corp.",
    ];

    /// <summary>
    /// The name reduced to what tells companies apart: full-width and half-width forms folded
    /// (NFKC), hiragana as katakana, Latin letters in lower case, the legal form and spaces and
    /// punctuation between words removed.
    /// </summary>
    public static string Comparable(string? name)
    {
        var text = (name ?? "").Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        text = new string([.. text.Select(ToKatakana)]);
        foreach (var form in LegalForms)
        {
            text = text.Replace(form, " ", StringComparison.Ordinal);
        }
        var kept = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (char.IsLetterOrDigit(c) || c == 'ー' || category == UnicodeCategory.NonSpacingMark)
            {
                kept.Append(c);
            }
        }
        return kept.ToString();
    }

    /// <summary>Whether two names are one company's.</summary>
    public static bool AreSame(string? a, string? b) => Comparable(a) is { Length: > 0 } left && left == Comparable(b);

    // Hiragana U+3041–U+3096 sit 0x60 below their katakana.
    private static char ToKatakana(char c) => c is >= '\u3041' and <= '\u3096' ? (char)(c + 0x60) : c;
}
