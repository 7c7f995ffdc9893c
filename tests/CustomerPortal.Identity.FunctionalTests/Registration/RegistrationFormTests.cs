using System.Net;
using CustomerPortal.Identity.Data;
using CustomerPortal.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerPortal.Identity.FunctionalTests.Registration;

/// <summary>The sign-up form: normalisation, one message per invalid field, serial flags and throttling.</summary>
public sealed class RegistrationFormTests(MailPortalFactory portal) : IClassFixture<MailPortalFactory>
{
    [Fact]
    public async Task Form_ListsEveryFieldOfTheGuide()
    {
        using var browser = portal.CreateBrowser();
        var page = await RegistrationPage.OpenAsync(browser);

        foreach (var field in new[]
        {
            "CompanyName", "Department",
            "FamilyName", "GivenName", "FamilyNameKana", "GivenNameKana", "Email", "Phone",
            "PostalCode", "Prefecture", "City", "Street", "Building",
            "Serial", "AcceptTerms",
        })
        {
            Assert.NotNull(page.Document.QuerySelector($"label[for={field}]"));
        }
        Assert.Equal(48, page.Document.QuerySelectorAll("#Prefecture option").Length); // 47 and "please choose"
        Assert.Equal(3, page.Document.QuerySelectorAll("input[name='Input.Roles']").Length);
        Assert.Contains("消耗品のご注文", page.Document.QuerySelector(".role")!.ParentElement!.TextContent);
        Assert.Equal(2, page.Document.QuerySelectorAll("input[name='Input.Language']").Length);
        Assert.NotNull(page.Document.QuerySelector("input[name='Input.ProductNewsByEmail']"));
        Assert.NotNull(page.Document.QuerySelector("input[name='Input.ProductNewsByPhone']"));
    }

    [Fact]
    public async Task InvalidFields_EachGetTheirOwnMessage_AndTheInputIsKept()
    {
        using var browser = portal.CreateBrowser();
        var page = await RegistrationPage.OpenAsync(browser);
        var input = RegistrationPage.ValidInput("not-an-email");
        input["Input.Phone"] = "12-34";
        input["Input.PostalCode"] = "12345";
        input["Input.Serial"] = "12345";
        input["Input.FamilyNameKana"] = "たなか";
        input["Input.Prefecture"] = "";
        input["Input.Roles"] = "";
        input["Input.AcceptTerms"] = "";
        input["Input.City"] = "";

        var result = await RegistrationPage.FromAsync(browser, await page.SubmitAsync(input));

        Assert.Equal("メールアドレスの形式が正しくありません。", result.ErrorFor("Email"));
        Assert.NotNull(result.ErrorFor("Phone"));
        Assert.NotNull(result.ErrorFor("PostalCode"));
        Assert.Equal("シリアルナンバーは7桁の数字でご入力ください。", result.ErrorFor("Serial"));
        Assert.NotNull(result.ErrorFor("FamilyNameKana"));
        Assert.NotNull(result.ErrorFor("Prefecture"));
        Assert.NotNull(result.ErrorFor("Roles"));
        Assert.NotNull(result.ErrorFor("AcceptTerms"));
        Assert.Equal("この項目は必須です。", result.ErrorFor("City"));
        Assert.Null(result.ErrorFor("CompanyName"));
        Assert.Equal("株式会社サンプル商事", result.ValueOf("CompanyName"));
        Assert.Equal("12345", result.ValueOf("Serial"));
        Assert.Equal("true", result.Document.QuerySelector("#Email")!.GetAttribute("aria-invalid"));
        Assert.Empty(portal.Smtp.MessagesTo("not-an-email"));
    }

    [Fact]
    public async Task FullWidthDigitsHyphensSpacesAndEmailCase_AreNormalisedBeforeStorage()
    {
        var email = $"Zenkaku-{Guid.NewGuid():n}@Example.COM";
        using var browser = portal.CreateBrowser();
        var page = await RegistrationPage.OpenAsync(browser);
        var input = RegistrationPage.ValidInput(email);
        input["Input.Serial"] = " １２３－４５６７ ";
        input["Input.Phone"] = "０３ー１２３４ー５６７８";
        input["Input.PostalCode"] = "１００００１３";
        input["Input.CompanyName"] = "  株式会社サンプル商事  ";
        input["Input.FamilyNameKana"] = "ﾀﾅｶ";

        var response = await page.SubmitAsync(input);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var user = await FindAsync(email.ToLowerInvariant());
        Assert.Equal(email.ToLowerInvariant(), user.Email);
        Assert.Equal("1234567", user.RegisteredSerial);
        Assert.Equal("03-1234-5678", user.PhoneNumber);
        Assert.Equal("100-0013", user.Address.PostalCode);
        Assert.Equal("株式会社サンプル商事", user.CompanyName);
        Assert.Equal("タナカ", user.FamilyNameKana);
        Assert.Equal(SerialCheck.Known, user.SerialCheck);
        Assert.Equal(AccountStatus.PendingReview, user.Status);
        Assert.Equal(["supplies-buyer"], user.RequestedRoles.Select(r => r.Role));
        Assert.False(await HasAnyRoleAsync(user)); // requested is not granted
    }

    [Theory]
    [InlineData("9999999", "株式会社サンプル商事", SerialCheck.Unknown)]
    [InlineData("3456789", "株式会社サンプル商事", SerialCheck.BoundToOtherCompany)]
    [InlineData("4567890", "どこかの会社", SerialCheck.Known)]
    [InlineData("", "株式会社サンプル商事", SerialCheck.NotGiven)]
    public async Task Serial_IsAcceptedButFlaggedForTheReviewer(string serial, string company, SerialCheck expected)
    {
        var email = $"flag-{Guid.NewGuid():n}@example.com";
        using var browser = portal.CreateBrowser();
        var page = await RegistrationPage.OpenAsync(browser);
        var input = RegistrationPage.ValidInput(email);
        input["Input.Serial"] = serial;
        input["Input.CompanyName"] = company;

        var response = await page.SubmitAsync(input);

        Assert.Equal("/account/registered", response.Headers.Location!.ToString());
        Assert.Equal(expected, (await FindAsync(email)).SerialCheck);
    }

    /// <remarks>
    /// That both answers also take the same time is measured by the load benchmark
    /// (`--only enumeration`), not here: a stopwatch in a test depends on how busy the machine is.
    /// </remarks>
    [Fact]
    public async Task RegisteredAndUnknownAddresses_GetTheSameAnswer_AndTheOwnerIsTold()
    {
        var existing = $"twice-{Guid.NewGuid():n}@example.com";
        using var browser = portal.CreateBrowser();
        await RegisterAsync(browser, existing);
        await portal.Smtp.WaitForAsync(existing, 1);

        string? knownLocation = null, unknownLocation = null;
        for (var i = 0; i < 5; i++)
        {
            knownLocation = await RegisterWithoutSerialAsync(browser, existing);
            unknownLocation = await RegisterWithoutSerialAsync(browser, $"fresh-{i}-{Guid.NewGuid():n}@example.com");
        }

        Assert.NotNull(knownLocation);
        Assert.Equal(unknownLocation, knownLocation);
        // The owner of the registered address is told, in a mail of its own, three times an hour at
        // most (Registration:MailsPerRecipientPerHour): the fourth and fifth attempts send nothing (MailCapTests).
        var notices = await portal.Smtp.WaitForAsync(existing, 4);
        var alreadyRegistered = notices.Where(m => (m.Subject ?? "").Contains("ご登録済みのメールアドレス")).ToList();
        Assert.Equal(3, alreadyRegistered.Count);
        Assert.Equal(4, (await portal.OutboxToAsync(existing)).Count);
        // The first registration is still under review: the notice says so, rather than "sign in".
        Assert.Contains("登録内容を確認しております", alreadyRegistered[0].TextBody);
        Assert.DoesNotContain("/account/login", alreadyRegistered[0].TextBody);
    }

    /// <summary>Registers <paramref name="email"/> (no serial, so the serial limit never answers); returns where the answer sends the browser.</summary>
    private static async Task<string?> RegisterWithoutSerialAsync(Browser browser, string email)
    {
        var page = await RegistrationPage.OpenAsync(browser);
        var input = RegistrationPage.ValidInput(email);
        input["Input.Serial"] = "";
        var response = await page.SubmitAsync(input);
        return response.Headers.Location?.ToString();
    }

    private static async Task RegisterAsync(Browser browser, string email)
    {
        var page = await RegistrationPage.OpenAsync(browser);
        var input = RegistrationPage.ValidInput(email);
        input["Input.Serial"] = "";
        Assert.Equal(HttpStatusCode.Redirect, (await page.SubmitAsync(input)).StatusCode);
    }

    private async Task<PortalUser> FindAsync(string email)
    {
        using var scope = portal.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        return await db.Users.Include(u => u.RequestedRoles).AsNoTracking().SingleAsync(u => u.Email == email);
    }

    private async Task<bool> HasAnyRoleAsync(PortalUser user)
    {
        using var scope = portal.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        return (await users.GetRolesAsync((await users.FindByIdAsync(user.Id))!)).Count > 0;
    }
}
