using System.Text.Json;
using System.Text.RegularExpressions;
using CustomerPortal.Testing;

namespace CustomerPortal.UnitTests.Theming;

/// <summary>Every text exists in Japanese and English, and every key a page or mail asks for exists.</summary>
public sealed partial class MessageBundleCompletenessTests
{
    private static readonly string Themes = Path.Combine(RepositoryRoot.Path, "themes");

    public static TheoryData<string> ThemeNames() => [.. Directory.GetDirectories(Themes).Select(Path.GetFileName).OfType<string>()];

    [Theory]
    [MemberData(nameof(ThemeNames))]
    public void EveryKey_ExistsInBothLanguages(string theme)
    {
        var ja = Keys(theme, "ja");
        var en = Keys(theme, "en");

        Assert.Empty(ja.Except(en));
        Assert.Empty(en.Except(ja));
    }

    [Theory]
    [MemberData(nameof(ThemeNames))]
    public void EveryEmailTemplate_ExistsInBothLanguagesAndBothParts(string theme)
    {
        var folder = Path.Combine(Themes, theme, "email");
        if (!Directory.Exists(folder))
        {
            return;
        }
        var files = Directory.GetFiles(folder, "*.*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder, f)).ToHashSet();
        foreach (var file in files)
        {
            var language = file.Split(Path.DirectorySeparatorChar)[0];
            var other = language == "ja" ? "en" : "ja";
            Assert.Contains(other + file[2..], files);
            if (theme == "base")
            {
                Assert.Contains(Path.ChangeExtension(file, file.EndsWith(".html", StringComparison.Ordinal) ? ".txt" : ".html"), files);
            }
        }
    }

    [Fact]
    public void EveryKeyUsedBySourceOrViews_IsInTheBaseBundle()
    {
        var keys = Keys("base", "ja");
        // The IdP, both relying apps and what they share all read the same bundles.
        string[] projects = ["CustomerPortal.Identity", "CustomerPortal.Ordering", "CustomerPortal.Support", "CustomerPortal.ServiceDefaults"];
        var used = projects
            .SelectMany(project => Directory.EnumerateFiles(
                Path.Combine(RepositoryRoot.Path, "src", project), "*.*", SearchOption.AllDirectories))
            .Where(f => (f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .SelectMany(f => KeyLiteral().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Key: m.Groups[1].Value)))
            .Where(u => !u.Key.EndsWith('.')) // prefixes completed at run time ("role." + role + ".label")
            .Where(u => !u.Key.EndsWith(".db", StringComparison.Ordinal)) // database file names ("ordering.db")
            .ToList();

        Assert.NotEmpty(used);
        var missing = used.Where(u => !keys.Contains(u.Key)).Select(u => $"{u.File}: {u.Key}").Distinct().ToList();
        Assert.True(missing.Count == 0, "Keys not in themes/base/messages: " + string.Join(", ", missing));
    }

    private static HashSet<string> Keys(string theme, string language)
    {
        var file = Path.Combine(Themes, theme, "messages", $"{language}.json");
        return File.Exists(file) ? JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(file))!.Keys.ToHashSet() : [];
    }

    // Literal message keys: T["login.title"], "register.error.required", messages["mail.x.subject"] ...
    [GeneratedRegex(@"""((?:login|logout|consent|home|error|register|registered|verify|setPassword|link|staff|status|settings|" +
        @"address|forgot|reset|change|confirmEmail|apps|menu|password|language|common|role|mail|prefecture|ordering|support|" +
        @"document|format|app)\.[A-Za-z0-9.\-]+)""")]
    private static partial Regex KeyLiteral();
}
