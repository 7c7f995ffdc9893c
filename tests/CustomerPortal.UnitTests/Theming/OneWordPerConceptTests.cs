using System.Text.Json;
using System.Text.RegularExpressions;

namespace CustomerPortal.UnitTests.Theming;

/// <summary>
/// One word per concept in each language, the customer's guide's word where it has one: a reader who meets
/// お問い合わせ in the menu and お問合せ on the page, or サインアウト next to ログアウト, wonders whether they are
/// two things. Checked over every theme's bundles and mail templates and the seeded catalog, FAQ and inquiry
/// categories, which the pages show as they are.
/// </summary>
public sealed class OneWordPerConceptTests
{
    private static readonly string Themes = Path.Combine(RepositoryRoot.Path, "themes");

    /// <summary>A variant and the word the portal uses instead.</summary>
    private static readonly (string Variant, string Word)[] Japanese =
    [
        ("お問合せ", "お問い合わせ"),
        ("お問合わせ", "お問い合わせ"),
        ("ログイン", "サインイン"), // the guide pairs サインイン with ログアウト
        ("サインアウト", "ログアウト"),
        ("ブラウザー", "ブラウザ"),
        ("ご登録情報", "アカウント設定"),
        ("御見積書", "見積書"), // the quote's own title is the one exception, see Allowed
        ("見積もり", "見積り"),
        ("パスワードのリセット", "パスワードの再設定"),
        ("パスワードをリセット", "パスワードを再設定"),
        ("パスワードリセット", "パスワード再設定"),
        ("入力してください", "ご入力ください"),
        ("ご記入", "ご入力"),
        ("ロール", "役割"),
        ("·", "｜ or 、"),
    ];

    /// <summary>English variants, matched as whole words whatever their case.</summary>
    private static readonly (string Variant, string Word)[] English =
    [
        ("postage value", "postage funds"),
        ("log in", "sign in"),
        ("login", "sign-in"),
        ("logged in", "signed in"),
        ("log out", "sign out"),
        ("logout", "sign-out"),
        ("logged out", "signed out"),
        ("e-mail", "email"),
        ("answer in turn", "reply as soon as possible"),
    ];

    /// <summary>Bundle entries that keep a variant on purpose.</summary>
    private static readonly HashSet<(string Key, string Variant)> Allowed =
    [
        ("document.title.quote", "御見積書"), // the document's own title, as Japanese quotes are headed
    ];

    /// <summary>English entries that name Japanese text on purpose.</summary>
    private static readonly HashSet<string> EnglishNamingJapanese = ["language.ja", "staff.companies.searchHint"];

    public static TheoryData<string> Bundles() =>
    [
        .. Directory.GetDirectories(Themes)
            .SelectMany(theme => new[] { "ja", "en" }.Select(language => Path.Combine(theme, "messages", language + ".json")))
            .Where(File.Exists)
            .Select(file => Path.GetRelativePath(Themes, file))
            .Order(StringComparer.Ordinal),
    ];

    public static TheoryData<string> Templates() =>
    [
        .. Directory.GetDirectories(Themes)
            .Select(theme => Path.Combine(theme, "email"))
            .Where(Directory.Exists)
            .SelectMany(folder => Directory.GetFiles(folder, "*.*", SearchOption.AllDirectories))
            .Select(file => Path.GetRelativePath(Themes, file))
            .Order(StringComparer.Ordinal),
    ];

    public static TheoryData<string> SeededTexts() =>
    [
        Path.Combine("seed", "ordering", "catalog.json"),
        Path.Combine("seed", "support", "categories.json"),
        Path.Combine("seed", "support", "faq.json"),
    ];

    [Theory]
    [MemberData(nameof(Bundles))]
    public void Bundle_UsesOneWordPerConcept(string bundle)
    {
        var variants = Path.GetFileNameWithoutExtension(bundle) == "ja" ? Japanese : English;
        var entries = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(Path.Combine(Themes, bundle)))!;

        var found = entries
            .SelectMany(entry => VariantsIn(entry.Value, variants)
                .Where(variant => !Allowed.Contains((entry.Key, variant.Variant)))
                .Select(variant => $"{entry.Key}: 「{variant.Variant}」 → 「{variant.Word}」 in {entry.Value}"))
            .ToList();

        Assert.True(found.Count == 0, $"Variants in {bundle}:\n" + string.Join("\n", found));
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public void MailTemplate_UsesOneWordPerConcept(string template)
    {
        var variants = template.Split(Path.DirectorySeparatorChar).Contains("ja") ? Japanese : English;

        var found = Variants(File.ReadAllLines(Path.Combine(Themes, template)), variants);

        Assert.True(found.Count == 0, $"Variants in {template}:\n" + string.Join("\n", found));
    }

    [Theory]
    [MemberData(nameof(SeededTexts))]
    public void SeededTexts_UseOneWordPerConcept(string file)
    {
        // Each entry holds both languages side by side; a variant of either language is one too many.
        var found = Variants(File.ReadAllLines(Path.Combine(RepositoryRoot.Path, file)), [.. Japanese, .. English]);

        Assert.True(found.Count == 0, $"Variants in {file}:\n" + string.Join("\n", found));
    }

    [Theory]
    [MemberData(nameof(MessageBundleCompletenessTests.ThemeNames), MemberType = typeof(MessageBundleCompletenessTests))]
    public void EnglishBundle_HasNoJapaneseText(string theme)
    {
        var file = Path.Combine(Themes, theme, "messages", "en.json");
        if (!File.Exists(file))
        {
            return;
        }
        var entries = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(file))!;

        var japanese = entries
            .Where(entry => !EnglishNamingJapanese.Contains(entry.Key) && JapaneseScript.IsMatch(entry.Value))
            .Select(entry => $"{entry.Key}: {entry.Value}")
            .ToList();

        Assert.True(japanese.Count == 0, $"Japanese in {theme}/messages/en.json:\n" + string.Join("\n", japanese));
    }

    [Theory]
    [InlineData("お問合せ履歴", "お問い合わせ")]
    [InlineData("もう一度ログインする", "サインイン")]
    [InlineData("件名を入力してください。", "ご入力ください")]
    [InlineData("戻る · PDF", "｜ or 、")]
    public void JapaneseVariant_IsFound(string text, string word) => Assert.Equal(word, Assert.Single(VariantsIn(text, Japanese)).Word);

    [Theory]
    [InlineData("Order Postage value", "postage funds")]
    [InlineData("Please LOG IN again.", "sign in")]
    [InlineData("Our staff will answer in turn.", "reply as soon as possible")]
    public void EnglishVariant_IsFound(string text, string word) => Assert.Equal(word, Assert.Single(VariantsIn(text, English)).Word);

    [Theory]
    [InlineData("Items in the catalog in your language")] // "log in" inside a word is no variant
    [InlineData("Sign in; we will reply as soon as possible.")]
    public void EnglishWords_AreLeftAlone(string text) => Assert.Empty(VariantsIn(text, English));

    private static List<string> Variants(string[] lines, (string Variant, string Word)[] variants) =>
    [
        .. lines.SelectMany((line, index) => VariantsIn(line, variants)
            .Select(variant => $"line {index + 1}: 「{variant.Variant}」 → 「{variant.Word}」 in {line.Trim()}")),
    ];

    private static IEnumerable<(string Variant, string Word)> VariantsIn(string text, (string Variant, string Word)[] variants) =>
        variants.Where(variant => IsLatin(variant.Variant)
            ? Regex.IsMatch(text, $@"\b{Regex.Escape(variant.Variant)}\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)
            : text.Contains(variant.Variant, StringComparison.Ordinal));

    private static bool IsLatin(string text) => text.All(c => c < 0x80);

    private static readonly Regex JapaneseScript = new(@"[\p{IsHiragana}\p{IsKatakana}\p{IsCJKUnifiedIdeographs}]");
}
