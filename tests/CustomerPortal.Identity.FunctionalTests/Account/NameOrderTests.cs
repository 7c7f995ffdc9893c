using CustomerPortal.Identity.FunctionalTests.Registration;
using CustomerPortal.Testing;

namespace CustomerPortal.Identity.FunctionalTests.Account;

/// <summary>
/// A name in kanji or kana is family name first on every page and in every mail, whichever language
/// the customer chose; a name in Latin letters follows the language. Japanese greetings say 様.
/// </summary>
public sealed class NameOrderTests(MailPortalFactory portal) : IClassFixture<MailPortalFactory>
{
    private const string Password = "Yamada-2026";

    [Fact]
    public async Task KanjiName_OfACustomerWhoChoseEnglish_IsFamilyNameFirst_InTheMailAndOnTheStaffPages()
    {
        var email = $"yamada-{Guid.NewGuid():n}@example.com";
        using var customer = portal.CreateBrowser();
        var form = await RegistrationPage.OpenAsync(customer, "en");
        var input = RegistrationPage.ValidInput(email);
        input["Input.Language"] = "en";
        input["Input.FamilyName"] = "山田";
        input["Input.GivenName"] = "花子";
        input["Input.FamilyNameKana"] = "ヤマダ";
        input["Input.GivenNameKana"] = "ハナコ";
        await customer.FollowAsync(await form.SubmitAsync(input));

        var received = (await portal.Smtp.WaitForAsync(email, 1))[0];
        Assert.StartsWith("株式会社サンプル商事\nDear 山田 花子,", received.TextBody);
        Assert.Contains("Dear 山田 花子,", received.HtmlBody);

        // The staff's Japanese queue and the review page say it the same way.
        using var staff = await portal.SignedInBrowserAsync(Accounts.Staff.Email, Accounts.Staff.Password);
        var queue = await staff.GetPageAsync("/staff/registrations");
        var link = queue.QuerySelectorAll("table.queue tbody tr").Single(r => r.TextContent.Contains(email)).QuerySelector("a")!;
        Assert.Equal("山田 花子", link.TextContent.Trim());
        var review = await staff.GetPageAsync(link.GetAttribute("href")!);
        Assert.Equal("登録内容の審査：山田 花子", review.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("山田 花子（ヤマダ ハナコ）", review.QuerySelector("dd.name")!.TextContent.Trim());
    }

    [Fact]
    public async Task KanjiName_IsFamilyNameFirst_OnEnglishPages_AndTakes様OnJapaneseOnes()
    {
        var email = await ArrangeCustomerAsync("山田", "花子", "en");
        using var browser = await portal.SignedInBrowserAsync(email, Password);

        var home = await browser.GetPageAsync("/");
        var settings = await browser.GetPageAsync("/account/settings");
        await browser.GetAsync("/language/ja?returnUrl=%2F");
        var japanese = await browser.GetPageAsync("/");

        Assert.Equal("en", home.DocumentElement.GetAttribute("lang"));
        Assert.Contains("Welcome, 山田 花子.", home.Body!.TextContent);
        Assert.Equal("山田 花子", home.QuerySelector("details.user-menu summary")!.TextContent.Trim());
        Assert.Equal("山田 花子", settings.QuerySelector("#profile dd.name")!.TextContent.Trim());
        Assert.Contains("山田 花子 様、ようこそ。", japanese.Body!.TextContent);
        Assert.Equal("山田 花子 様", japanese.QuerySelector("details.user-menu summary")!.TextContent.Trim());
    }

    [Fact]
    public async Task LatinName_FollowsTheLanguage_OfThePageAndOfTheMail()
    {
        var email = await ArrangeCustomerAsync("Smith", "Jane", "en");
        using (var browser = await portal.SignedInBrowserAsync(email, Password))
        {
            var home = await browser.GetPageAsync("/");
            await browser.GetAsync("/language/ja?returnUrl=%2F"); // the customer's language is now Japanese
            var japanese = await browser.GetPageAsync("/");

            Assert.Contains("Welcome, Jane Smith.", home.Body!.TextContent);
            Assert.Contains("Smith Jane 様、ようこそ。", japanese.Body!.TextContent);
        }

        using var anonymous = portal.CreateBrowser();
        await anonymous.RequestResetLinkAsync(email);
        var reset = (await portal.Smtp.WaitForAsync(email, 1))[0];
        Assert.StartsWith("試験株式会社\nご担当者 Smith Jane 様", reset.TextBody);
    }

    private async Task<string> ArrangeCustomerAsync(string familyName, string givenName, string language)
    {
        var email = $"names-{Guid.NewGuid():n}@example.com";
        await portal.CreateActiveUserAsync(email, Password, PortalRoles.SuppliesBuyer);
        await portal.WithUserAsync(email, async (users, user) =>
        {
            user.FamilyName = familyName;
            user.GivenName = givenName;
            user.FamilyNameKana = null;
            user.GivenNameKana = null;
            user.Locale = language;
            Assert.True((await users.UpdateAsync(user)).Succeeded);
        });
        return email;
    }
}
