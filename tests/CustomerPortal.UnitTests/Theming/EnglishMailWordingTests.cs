using System.Text.Json;
using System.Text.RegularExpressions;

namespace CustomerPortal.UnitTests.Theming;

/// <summary>
/// English mails read as one company wrote them: every subject in one style, "[Customer Portal] …"
/// (the portal's name in brackets, then a capital), and "email", never "mail", in every English text
/// of the bundles and the templates.
/// </summary>
public sealed partial class EnglishMailWordingTests
{
    private static readonly string Themes = Path.Combine(RepositoryRoot.Path, "themes");

    [Theory]
    [MemberData(nameof(MessageBundleCompletenessTests.ThemeNames), MemberType = typeof(MessageBundleCompletenessTests))]
    public void EveryEnglishSubject_IsThePortalInBrackets_ThenACapital(string theme)
    {
        var subjects = EnglishBundle(theme).Where(entry => MailSubjectKey().IsMatch(entry.Key)).ToList();

        Assert.True(theme != "base" || subjects.Count >= 14, $"only {subjects.Count} subjects found in base");
        var other = subjects.Where(entry => !SubjectStyle().IsMatch(entry.Value)).Select(entry => $"{entry.Key}: {entry.Value}").ToList();
        Assert.True(other.Count == 0, $"Subjects not in the style \"[{{0}}] Capital…\" in {theme}/messages/en.json:\n" + string.Join("\n", other));
    }

    [Theory]
    [MemberData(nameof(MessageBundleCompletenessTests.ThemeNames), MemberType = typeof(MessageBundleCompletenessTests))]
    public void EnglishTexts_SayEmail_NotMail(string theme)
    {
        var folder = Path.Combine(Themes, theme, "email", "en");
        var templates = Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*.*", SearchOption.AllDirectories)
                .Select(file => (Name: Path.GetRelativePath(Themes, file), Text: File.ReadAllText(file)))
            : [];
        var texts = EnglishBundle(theme).Select(entry => (Name: entry.Key, Text: entry.Value)).Concat(templates);

        var mail = texts.Where(text => Mail().IsMatch(text.Text)).Select(text => text.Name).ToList();

        Assert.True(mail.Count == 0, $"\"mail\" instead of \"email\" in {theme}:\n" + string.Join("\n", mail));
    }

    [Theory]
    [InlineData("Mail delivery")]
    [InlineData("Every mail is delivered.")]
    [InlineData("told by e-mail")]
    [InlineData("Mails not delivered yet")]
    public void Mail_IsFound(string text) => Assert.Matches(Mail(), text);

    [Theory]
    [InlineData("Email delivery")]
    [InlineData("the emails we sent you")]
    [InlineData("{{ contact_email }}")]
    public void Email_IsLeftAlone(string text) => Assert.DoesNotMatch(Mail(), text);

    private static Dictionary<string, string> EnglishBundle(string theme)
    {
        var file = Path.Combine(Themes, theme, "messages", "en.json");
        return File.Exists(file) ? JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(file))! : [];
    }

    // The IdP's mail.{template}.subject and the support app's support.mail.{kind}.subject.
    [GeneratedRegex(@"^(support\.)?mail\.[a-z-]+\.subject$")]
    private static partial Regex MailSubjectKey();

    [GeneratedRegex(@"^\[\{0\}\] [A-Z]")]
    private static partial Regex SubjectStyle();

    // "mail" or "mails" as a word (also after "e-"), not inside "email" or contact_email.
    [GeneratedRegex(@"(?i)(?<![a-z_])mails?\b")]
    private static partial Regex Mail();
}
