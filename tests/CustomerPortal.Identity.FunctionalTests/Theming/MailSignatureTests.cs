using CustomerPortal.Identity.Mail;
using CustomerPortal.Identity.Staff.Theme;
using CustomerPortal.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerPortal.Identity.FunctionalTests.Theming;

/// <summary>
/// Every mail of every theme, in Japanese and English, both parts, opens by greeting the company's
/// contact and ends with the portal's signature: its name, its address, the desk to write to with
/// the desk's address, and that the sender's address takes no replies.
/// </summary>
public sealed class MailSignatureTests
{
    public static TheoryData<string, string, string, string, string> Signatures() => new()
    {
        { "base", "ja", "カスタマーポータル", MailSignatureText.BaseContactJa, MailSignatureText.SendOnlyJa },
        { "base", "en", "Customer Portal", "Contact: Customer Portal registration desk (CP_Reg@pb.com)", MailSignatureText.SendOnlyEn },
        { "pitney-bowes", "ja", "ピツニーボウズカスタマーポータル", MailSignatureText.BrandContactJa, MailSignatureText.SendOnlyJa },
        {
            "pitney-bowes", "en", "Pitney Bowes Customer Portal", "Contact: Pitney Bowes Japan, Customer Portal registration desk (CP_Reg@pb.com)",
            MailSignatureText.SendOnlyEn
        },
    };

    [Fact]
    public void EveryTheme_HasItsExpectedSignatureListed()
    {
        var themes = Directory.GetDirectories(Path.Combine(RepositoryRoot.Path, "themes")).Select(Path.GetFileName).Order(StringComparer.Ordinal);

        Assert.Equal(themes, Signatures().Select(row => (string)row[0]).Distinct().Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Signatures))]
    public void EveryTemplate_GreetsTheCompanysContact_AndEndsWithTheSignature(string theme, string language, string portal, string contact, string sendOnly)
    {
        using var factory = new PortalFactory();
        factory.Settings["Theme:Name"] = theme;
        var composer = factory.Services.GetRequiredService<MailComposer>();
        var templates = composer.Templates(language);
        var greeting = "株式会社サンプル商事\n" + (language == "ja" ? "ご担当者 山田 太郎 様\n\n" : "Dear 山田 太郎,\n\n");
        string[] signature = [MailSignatureText.Rule, portal, PortalFactory.PublicOrigin, contact, sendOnly];

        Assert.Equal(Directory.GetFiles(Path.Combine(RepositoryRoot.Path, "themes", "base", "email", language), "*.html").Length, templates.Count);
        foreach (var template in templates)
        {
            var mail = composer.Compose(template, language, EmailPreview.SampleValues);

            Assert.StartsWith(greeting, mail.TextBody);
            Assert.Equal([.. signature, ""], mail.TextBody.Split('\n')[^(signature.Length + 1)..]);
            Assert.Contains("<p>株式会社サンプル商事<br>", mail.HtmlBody);
            var end = mail.HtmlBody[mail.HtmlBody.LastIndexOf("<hr>", StringComparison.Ordinal)..];
            var html = $"<hr>\n<p style=\"color: #52606d; font-size: small;\">{portal}<br>\n"
                + $"<a href=\"{PortalFactory.PublicOrigin}\">{PortalFactory.PublicOrigin}</a><br>\n{contact}<br>\n{sendOnly}</p>";
            Assert.StartsWith(html, end);
            Assert.Equal("</body>\n</html>", end[html.Length..].Trim());
        }
    }

    [Fact]
    public void WithoutACompany_TheMailGreetsThePersonAlone()
    {
        using var factory = new PortalFactory();
        var composer = factory.Services.GetRequiredService<MailComposer>();
        var model = new Dictionary<string, object?>(EmailPreview.SampleValues) { [MailComposer.RecipientCompany] = "" };

        Assert.StartsWith("山田 太郎 様\n\n", composer.Compose("password-changed", "ja", model).TextBody);
        Assert.StartsWith("Dear 山田 太郎,\n\n", composer.Compose("password-changed", "en", model).TextBody);
        Assert.Contains("<p>山田 太郎 様</p>", composer.Compose("password-changed", "ja", model).HtmlBody);
    }
}
