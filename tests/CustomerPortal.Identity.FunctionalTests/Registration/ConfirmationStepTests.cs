using System.Net;
using CustomerPortal.Identity.Data;
using CustomerPortal.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerPortal.Identity.FunctionalTests.Registration;

/// <summary>
/// The sign-up's confirmation (確認画面): a valid form shows what was entered, read-only, and nothing is stored
/// or mailed until 「この内容で登録する」; 「修正する」 goes back to the form with every value kept; sending checks
/// the values again, with its antiforgery token.
/// </summary>
public sealed class ConfirmationStepTests(MailPortalFactory portal) : IClassFixture<MailPortalFactory>
{
    [Fact]
    public async Task Confirmation_ShowsWhatWasEntered_AndNothingIsStoredOrMailedUntilItIsSent()
    {
        var email = $"confirm-{Guid.NewGuid():n}@example.com";
        using var browser = portal.CreateBrowser();
        var input = RegistrationPage.ValidInput(email);
        input["Input.Building"] = "";
        input["Input.PostalCode"] = "１００－０００１"; // shown as it will be kept

        var review = await (await RegistrationPage.OpenAsync(browser)).ConfirmationAsync(input);

        Assert.Equal("登録内容の確認", review.Document.QuerySelector("h1")!.TextContent);
        Assert.Equal("確認", review.Document.QuerySelector(".steps [aria-current=step]")!.TextContent);
        Assert.Equal("株式会社サンプル商事", review.Shown("法人名"));
        Assert.Equal(email, review.Shown("メールアドレス"));
        Assert.Equal("〒100-0001", review.Shown("郵便番号"));
        Assert.Equal("東京都", review.Shown("都道府県"));
        Assert.Equal("千代田1-1", review.Shown("町名・番地"));
        Assert.Equal("（未入力）", review.Shown("建物名・部屋番号"));
        Assert.Equal("希望する", review.Shown("製品案内などのお知らせをメールで受け取る"));
        Assert.Equal("希望しない", review.Shown("製品案内などのお知らせを電話で受け取る"));
        Assert.Contains("消耗品ご購入担当者", review.Document.QuerySelector(".review-roles")!.TextContent);
        // Read-only: the values travel in hidden fields only.
        Assert.Empty(review.Document.QuerySelectorAll("form.register-review input:not([type=hidden])"));
        Assert.Equal(["修正する", "この内容で登録する"],
            review.Document.QuerySelectorAll("form.register-review button").Select(b => b.TextContent));
        Assert.False(await IsStoredAsync(email));
        Assert.Empty(await portal.OutboxToAsync(email));

        var sent = await review.SendAsync();

        Assert.Equal("/account/registered", sent.Headers.Location!.ToString());
        Assert.True(await IsStoredAsync(email));
        var first = (await portal.Smtp.WaitForAsync(email, 1))[0];
        Assert.Equal(MailPortalFactory.PortalNameJa, first.Subject);
        Assert.Contains("100-0001", first.TextBody);
    }

    [Fact]
    public async Task Edit_GoesBackToTheFormWithEveryValueKept_AndTheChangeIsWhatIsSent()
    {
        var email = $"edit-{Guid.NewGuid():n}@example.com";
        using var browser = portal.CreateBrowser();
        var input = RegistrationPage.ValidInput(email);
        input["Input.Roles"] = "supplies-buyer\nequipment-operator";
        input["Input.ProductNewsByPhone"] = "true";
        var review = await (await RegistrationPage.OpenAsync(browser)).ConfirmationAsync(input);

        var form = await RegistrationPage.FromAsync(browser, await review.EditAsync());

        Assert.Equal("入力", form.Document.QuerySelector(".steps [aria-current=step]")!.TextContent);
        Assert.Null(form.Document.QuerySelector("[role=alert]"));
        Assert.Equal("株式会社サンプル商事", form.ValueOf("CompanyName"));
        Assert.Equal("タナカ", form.ValueOf("FamilyNameKana"));
        Assert.Equal("千代田1-1", form.ValueOf("Street"));
        Assert.Equal("サンプルビル3F", form.ValueOf("Building"));
        Assert.Equal("13", form.Document.QuerySelector("#Prefecture option[selected]")!.GetAttribute("value"));
        Assert.Equal(["equipment-operator", "supplies-buyer"],
            form.Document.QuerySelectorAll("input[name='Input.Roles'][checked]").Select(r => r.GetAttribute("value")!).Order());
        Assert.NotNull(form.Document.QuerySelector("#AcceptTerms[checked]"));
        Assert.NotNull(form.Document.QuerySelector("#news-phone[checked]"));
        Assert.False(await IsStoredAsync(email));

        // The form as shown (nothing typed over it but the one correction) goes through again.
        var corrected = await form.SubmitAsync(new Dictionary<string, string> { ["Input.Street"] = "丸の内2-2" });

        Assert.Equal(HttpStatusCode.Redirect, corrected.StatusCode);
        var user = await StoredAsync(email);
        Assert.Equal("丸の内2-2", user.Address.Street);
        Assert.Equal("サンプルビル3F", user.Address.Building);
        Assert.True(user.ProductNewsByPhone);
        Assert.Equal(["equipment-operator", "supplies-buyer"], user.RequestedRoles.Select(r => r.Role).Order());
    }

    [Fact]
    public async Task Sending_ChecksTheValuesAgain_SoAnAlteredConfirmationIsRefused()
    {
        var email = $"altered-{Guid.NewGuid():n}@example.com";
        using var browser = portal.CreateBrowser();
        var review = await (await RegistrationPage.OpenAsync(browser)).ConfirmationAsync(RegistrationPage.ValidInput(email));

        var altered = await browser.SubmitAsync(review.Document, RegistrationReview.FormSelector,
            new Dictionary<string, string> { ["Input.Serial"] = "12345" });

        var form = await RegistrationPage.FromAsync(browser, altered);
        Assert.Equal("シリアルナンバーは7桁の数字でご入力ください。", form.ErrorFor("Serial"));
        Assert.False(await IsStoredAsync(email));
    }

    [Fact]
    public async Task Sending_WithoutTheFormsAntiforgeryToken_IsRefused()
    {
        var email = $"forged-{Guid.NewGuid():n}@example.com";
        using var browser = portal.CreateBrowser();
        var review = await (await RegistrationPage.OpenAsync(browser)).ConfirmationAsync(RegistrationPage.ValidInput(email));
        // Another site's page posting the same fields: the browser has the cookie, the page has no token.
        var fields = review.Document.QuerySelectorAll("form.register-review input[type=hidden]")
            .Where(i => i.GetAttribute("name") != "__RequestVerificationToken")
            .Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? ""));

        var forged = await browser.Http.PostAsync("/account/register", new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.False(await IsStoredAsync(email));
    }

    [Fact]
    public async Task SignUpForm_MarksEveryField_RequiredOrOptional_InTheLabel()
    {
        using var browser = portal.CreateBrowser();
        var page = await RegistrationPage.OpenAsync(browser);
        string? Badge(string field) => page.Document.QuerySelector($"label[for={field}] .required, label[for={field}] .optional")?.TextContent;

        foreach (var field in new[] { "CompanyName", "FamilyName", "GivenName", "Email", "Phone", "PostalCode", "Prefecture", "City", "Street", "AcceptTerms" })
        {
            Assert.Equal("必須", Badge(field));
        }
        foreach (var field in new[] { "Department", "FamilyNameKana", "GivenNameKana", "Building", "Serial" })
        {
            Assert.Equal("任意", Badge(field));
        }
        Assert.Equal("役割 必須", Text(page.Document.QuerySelector("#roles-hint")!.ParentElement!.QuerySelector("legend")));
        Assert.Equal("ご希望の言語 必須", Text(page.Document.QuerySelector("#language-label")));
        Assert.Equal("製品案内などのお知らせ 任意", Text(page.Document.QuerySelector("#news-label")));
        // The guide's words: the town and the street number go into one field, which postal codes fill in.
        Assert.Equal("町名・番地 必須", Text(page.Document.QuerySelector("label[for=Street]")));

        var english = await RegistrationPage.OpenAsync(browser, "en");
        Assert.Equal("Department Optional", Text(english.Document.QuerySelector("label[for=Department]")));
        Assert.Equal("Company name Required", Text(english.Document.QuerySelector("label[for=CompanyName]")));
    }

    /// <summary>An element's text as a screen reader reads it out: the words, one space between them.</summary>
    private static string Text(AngleSharp.Dom.IElement? element) =>
        System.Text.RegularExpressions.Regex.Replace(element?.TextContent ?? "", @"\s+", " ").Trim();

    private async Task<bool> IsStoredAsync(string email)
    {
        using var scope = portal.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Users.AnyAsync(u => u.Email == email);
    }

    private async Task<PortalUser> StoredAsync(string email)
    {
        using var scope = portal.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Users.Include(u => u.RequestedRoles).AsNoTracking()
            .SingleAsync(u => u.Email == email);
    }
}
