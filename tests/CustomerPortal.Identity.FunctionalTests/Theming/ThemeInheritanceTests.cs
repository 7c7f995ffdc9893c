using CustomerPortal.Identity.Data;
using CustomerPortal.Identity.Mail;
using CustomerPortal.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerPortal.Identity.FunctionalTests.Theming;

/// <summary>The brand theme overrides single keys, css and logo; everything else comes from base.</summary>
public sealed class ThemeInheritanceTests : IDisposable
{
    private readonly PortalFactory _portal = new();

    public ThemeInheritanceTests() => _portal.Settings["Theme:Name"] = "pitney-bowes";

    [Fact]
    public async Task BrandTheme_OverridesAKey_AndFallsBackToBaseForTheRest()
    {
        using var browser = _portal.CreateBrowser();

        var login = await LoginPage.OpenAsync(browser);

        Assert.Equal("ピツニーボウズカスタマーポータル", login.Document.QuerySelector(".brand")!.TextContent.Trim());
        Assert.Equal("Pitney Bowes Japanカスタマーポータルへようこそ", login.Document.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("メールアドレス", login.Document.QuerySelector("label[for=email]")!.TextContent.Trim()); // from base
    }

    [Fact]
    public async Task BrandTheme_OverridesStaticFiles_AndServesTheRestFromBase()
    {
        using var browser = _portal.CreateBrowser();

        var css = await browser.Http.GetStringAsync("/theme/css/theme.css");
        var logo = await browser.Http.GetStringAsync("/theme/img/logo.svg");
        var baseCss = await browser.Http.GetStringAsync("/theme/css/portal.css");

        Assert.Contains("#0b3c7d", css);
        Assert.Contains("#00a3e0", logo);
        Assert.Contains("--accent", baseCss);
    }

    [Fact]
    public void BrandTheme_SignsEveryMailWithItsDesk_AndInheritsTheTemplates()
    {
        using var scope = _portal.Services.CreateScope();
        var composer = scope.ServiceProvider.GetRequiredService<MailComposer>();
        var model = CustomerPortal.Identity.Staff.Theme.EmailPreview.SampleValues;

        var japanese = composer.Compose("activation-complete", "ja", model);
        var english = composer.Compose("verify-email", "en", model);

        Assert.Contains(MailSignatureText.BrandContactJa, japanese.HtmlBody);
        Assert.Contains(MailSignatureText.BrandContactJa, japanese.TextBody);
        Assert.Contains("Contact: Pitney Bowes Japan, Customer Portal registration desk (CP_Reg@pb.com)", english.TextBody);
        Assert.Equal("【ピツニーボウズカスタマーポータル】アクティベーションが完了しました - ステップ 3/3",
            japanese.Subject);
        Assert.Equal("[Pitney Bowes Customer Portal] Please verify your email address - Step 1/3", english.Subject);
        // The body is base's: the brand changes words, not the templates.
        Assert.Contains(
            "アクティベーション（認証作業）のすべての手続きが完了しました（ステップ 3/3）。", japanese.TextBody);
    }

    [Fact]
    public void AThemesPartial_ReplacesBasesInEveryMail_ThroughTheThemeChain()
    {
        var themes = Path.Combine(_portal.WorkFolder, "themes");
        var parts = Directory.CreateDirectory(Path.Combine(themes, "custom", "email", "ja", "parts")).FullName;
        Directory.CreateSymbolicLink(Path.Combine(themes, "base"), Path.Combine(RepositoryRoot.Path, "themes", "base"));
        File.WriteAllText(Path.Combine(themes, "custom", "theme.json"), """{"name": "custom", "parent": "base"}""");
        File.WriteAllText(Path.Combine(parts, "signature.txt"), "{{ portal }}・{{ contact_email }}\n");
        using var portal = new PortalFactory();
        portal.Settings["Theme:Path"] = themes;
        portal.Settings["Theme:Name"] = "custom";
        var composer = portal.Services.GetRequiredService<MailComposer>();
        var model = CustomerPortal.Identity.Staff.Theme.EmailPreview.SampleValues;

        Assert.EndsWith("\n\nカスタマーポータル・CP_Reg@pb.com", composer.Compose("password-changed", "ja", model).TextBody.TrimEnd());
        Assert.EndsWith("\n\nカスタマーポータル・CP_Reg@pb.com", composer.Compose("verify-email", "ja", model).TextBody.TrimEnd());
        Assert.Contains(MailSignatureText.BaseContactJa, composer.Compose("verify-email", "ja", model).HtmlBody);
        Assert.Contains("Contact: Customer Portal registration desk (CP_Reg@pb.com)", composer.Compose("verify-email", "en", model).TextBody);
    }

    [Fact]
    public async Task StaffPreview_ShowsEveryEmailOfTheTheme()
    {
        using var staff = _portal.CreateBrowser();
        var login = await LoginPage.OpenAsync(staff);
        await login.SubmitAsync(Accounts.Staff.Email, Accounts.Staff.Password);

        var preview = await staff.GetPageAsync("/staff/theme/emails");
        var html = await staff.Http.GetStringAsync("/staff/theme/emails/ja/activation-complete.html");

        var templates = Directory.GetFiles(Path.Combine(RepositoryRoot.Path, "themes", "base", "email", "ja"), "*.html").Length;
        Assert.Equal(2 * templates, preview.QuerySelectorAll("table.emails tbody tr").Length);
        Assert.Contains(MailSignatureText.BrandContactJa, html);
        Assert.Contains(MailSignatureText.SendOnlyJa, html);
    }

    [Fact]
    public async Task UnknownTheme_StopsTheStartWithTheSettingNamed()
    {
        await using var process = PortalProcess.Start("Development", new Dictionary<string, string>
        {
            ["Storage:DataFolder"] = Path.Combine(_portal.WorkFolder, "other-data"),
            ["Seed:Path"] = _portal.SeedFolder,
            ["Theme:Name"] = "no-such-theme",
        });

        Assert.NotEqual(0, await process.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains("Theme:Name", process.Output);
    }

    public void Dispose() => _portal.Dispose();
}
