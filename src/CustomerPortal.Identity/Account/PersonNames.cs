using System.Globalization;
using System.Text;
using CustomerPortal.Identity.Data;

namespace CustomerPortal.Identity.Account;

/// <summary>
/// The one place a person's name is put together from its family and given parts, for every page,
/// mail and claim. A name written in Japanese script (kanji, hiragana, katakana) is always family
/// name first, whatever the language around it ("山田 花子" in English too); a name in Latin letters
/// follows that language: English puts the given name first ("Jane Smith"), Japanese the family
/// name ("Smith Jane"). The two parts are separated by a space, as the guide writes names.
/// </summary>
public static class PersonNames
{
    /// <summary>The name in the language of a page or mail (<paramref name="language"/>: "ja" or "en").</summary>
    public static string Compose(string? familyName, string? givenName, string language)
    {
        var family = familyName?.Trim() ?? "";
        var given = givenName?.Trim() ?? "";
        var familyFirst = IsJapaneseScript(family) || IsJapaneseScript(given) || language != "en";
        return (familyFirst ? $"{family} {given}" : $"{given} {family}").Trim();
    }

    /// <summary>The user's name in <paramref name="language"/>.</summary>
    public static string NameIn(this PortalUser user, string language) => Compose(user.FamilyName, user.GivenName, language);

    /// <summary>The user's name in the language of the page being shown.</summary>
    public static string NameOnPage(this PortalUser user) => user.NameIn(MessageBundle.LanguageOf(CultureInfo.CurrentUICulture));

    /// <summary>The katakana reading, family name first (it is Japanese script); empty when none was given.</summary>
    public static string KanaOnPage(this PortalUser user) =>
        Compose(user.FamilyNameKana, user.GivenNameKana, MessageBundle.LanguageOf(CultureInfo.CurrentUICulture));

    /// <summary>True when <paramref name="text"/> has a kanji, hiragana or katakana letter (full- or half-width).</summary>
    public static bool IsJapaneseScript(string? text) => !string.IsNullOrEmpty(text) && text.EnumerateRunes().Any(IsJapaneseLetter);

    private static bool IsJapaneseLetter(Rune rune) => rune.Value switch
    {
        >= 0x3040 and <= 0x309F => true, // hiragana
        >= 0x30A0 and <= 0x30FF => true, // katakana (ヶ, the long mark ー)
        >= 0x31F0 and <= 0x31FF => true, // katakana phonetic extensions
        >= 0xFF66 and <= 0xFF9F => true, // half-width katakana
        0x3005 or 0x3006 or 0x3007 => true, // 々 〆 〇
        >= 0x3400 and <= 0x4DBF => true, // CJK extension A
        >= 0x4E00 and <= 0x9FFF => true, // CJK unified ideographs
        >= 0xF900 and <= 0xFAFF => true, // CJK compatibility ideographs (髙, 﨑 ...)
        >= 0x20000 and <= 0x3134F => true, // CJK extensions B to G (𠮷 ...)
        _ => false,
    };
}
