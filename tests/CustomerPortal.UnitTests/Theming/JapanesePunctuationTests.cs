using System.Text.Json;
using System.Text.RegularExpressions;

namespace CustomerPortal.UnitTests.Theming;

/// <summary>
/// Japanese text takes full-width punctuation: ？ ！ （ ） and the full-width colon after a label
/// (例：03-1234-5678). Half-width forms read as a slip in the polite register of the bundle and
/// the mails. Placeholders ({0}, {0:N0}), URLs and email addresses keep their own characters.
/// </summary>
public sealed partial class JapanesePunctuationTests
{
    private static readonly string Themes = Path.Combine(RepositoryRoot.Path, "themes");

    public static TheoryData<string> JapaneseTemplates() =>
    [
        .. Directory.GetDirectories(Themes)
            .Select(theme => Path.Combine(theme, "email", "ja"))
            .Where(Directory.Exists)
            .SelectMany(Directory.GetFiles)
            .Select(file => Path.GetRelativePath(Themes, file))
            .Order(StringComparer.Ordinal),
    ];

    [Theory]
    [MemberData(nameof(MessageBundleCompletenessTests.ThemeNames), MemberType = typeof(MessageBundleCompletenessTests))]
    public void JapaneseBundle_UsesFullWidthPunctuation(string theme)
    {
        var file = Path.Combine(Themes, theme, "messages", "ja.json");
        if (!File.Exists(file))
        {
            return;
        }
        var bundle = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(file))!;

        var halfWidth = bundle.Where(entry => HasHalfWidthPunctuation(entry.Value)).Select(entry => $"{entry.Key}: {entry.Value}").ToList();

        Assert.True(halfWidth.Count == 0, $"Half-width punctuation in {theme}/messages/ja.json:\n" + string.Join("\n", halfWidth));
    }

    [Theory]
    [MemberData(nameof(JapaneseTemplates))]
    public void JapaneseMailTemplate_UsesFullWidthPunctuation(string template)
    {
        var lines = File.ReadAllLines(Path.Combine(Themes, template));

        var halfWidth = lines
            .Select((line, index) => (Number: index + 1, Text: TextOfTemplate(line)))
            .Where(line => HasHalfWidthPunctuation(line.Text))
            .Select(line => $"line {line.Number}: {line.Text}")
            .ToList();

        Assert.True(halfWidth.Count == 0, $"Half-width punctuation in {template}:\n" + string.Join("\n", halfWidth));
    }

    [Theory]
    [InlineData("パスワードをお忘れですか?")]
    [InlineData("ご確認ください!")]
    [InlineData("郵便番号 (7桁)")]
    [InlineData("例: 03-1234-5678")]
    public void HalfWidthPunctuation_IsFound(string text) => Assert.True(HasHalfWidthPunctuation(text));

    [Theory]
    [InlineData("パスワードをお忘れですか？")]
    [InlineData("例：123-4567（{0:N0}円）")]
    [InlineData("お問い合わせ（CP_Reg@pb.com）")]
    [InlineData("詳しくは https://example.com/a?b=(c) をご覧ください。")]
    [InlineData("yyyy年M月d日 H:mm")]
    public void PlaceholdersUrlsAndAddresses_AreLeftAlone(string text) => Assert.False(HasHalfWidthPunctuation(text));

    [Fact]
    public void TemplateText_LeavesOutLiquidHtmlAndListedSymbols()
    {
        Assert.Equal("理由：", TextOfTemplate("<p>理由：{{ reason | default: \"(なし)\" }}</p>").Trim());
        Assert.Equal("記号 です。", TextOfTemplate("記号 ! @ # ? ( ) です。"));
        Assert.True(HasHalfWidthPunctuation(TextOfTemplate("<p>理由: {{ reason }}</p>")));
    }

    /// <summary>A half-width ? ! ( ) or a colon followed by a space, outside placeholders, URLs and email addresses.</summary>
    private static bool HasHalfWidthPunctuation(string text) => HalfWidth().IsMatch(NotText().Replace(text, " "));

    /// <summary>
    /// The words a template shows: without Liquid ({{ }}, {% %}), HTML tags, and symbols that stand
    /// alone between spaces, which are listed rather than punctuating (the password rules' characters).
    /// </summary>
    private static string TextOfTemplate(string line) => ListedSymbol().Replace(MarkUp().Replace(line, ""), "");

    [GeneratedRegex(@"[?!()]|: ")]
    private static partial Regex HalfWidth();

    // {0}, {1:N0}; URLs; email addresses.
    [GeneratedRegex(@"\{\d+(?::[^}]*)?\}|https?://\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+")]
    private static partial Regex NotText();

    [GeneratedRegex(@"\{\{.*?\}\}|\{%.*?%\}|<[^>]*>")]
    private static partial Regex MarkUp();

    [GeneratedRegex(@"(?<= )[!-/:-@\[-`{-~]+ ")]
    private static partial Regex ListedSymbol();
}
