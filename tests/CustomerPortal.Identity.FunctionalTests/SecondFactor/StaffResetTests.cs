using System.Net;
using CustomerPortal.Testing;

namespace CustomerPortal.Identity.FunctionalTests.SecondFactor;

/// <summary>
/// A customer who lost their phone and their recovery codes calls: staff see which second
/// factors the account has (no secrets) and reset them; the customer is told by mail and signs in
/// with the password again. Staff and admin accounts are reset by admins only.
/// </summary>
public sealed class StaffResetTests(TwoStepPortal portal) : IClassFixture<TwoStepPortal>
{
    private const string Password = "Reset-Pass-2026";

    [Fact]
    public async Task Staff_SeeTheFactorsAndResetThem_TheCustomerIsToldAndSignsInWithThePassword()
    {
        var email = $"lost-phone-{Guid.NewGuid():n}@example.com";
        var customer = await portal.CreateActiveUserAsync(email, Password, "supplies-buyer");
        using (var browser = await portal.SignedInBrowserAsync(email, Password))
        {
            await portal.TurnOnAuthenticatorAsync(browser, "/account/security");
        }

        using var staff = await portal.SignedInDemoStaffAsync(Accounts.Staff);
        var page = await staff.GetPageAsync($"/staff/users/{customer.Id}");
        Assert.Contains("未使用のリカバリーコード 10件", page.QuerySelector("dd.second-factors")!.TextContent);
        var reset = await staff.FollowAsync(await staff.SubmitAsync(page, "form.reset-second-factors"));
        var after = await staff.ParseAsync(reset);
        Assert.Equal("設定なし", after.QuerySelector("dd.second-factors")!.TextContent.Trim());

        var mails = await portal.Smtp.WaitForAsync(email, 2);
        Assert.Single(mails, m => (m.TextBody ?? "").Contains("弊社スタッフが2段階認証の設定をリセットしました",
            StringComparison.Ordinal));
        using var again = portal.CreateBrowser();
        Assert.Equal("/", (await (await LoginPage.OpenAsync(again)).SubmitAsync(email, Password)).Headers.Location!.ToString());
    }

    [Fact]
    public async Task AMemberOfStaff_CannotResetAnAdminsFactors()
    {
        var admin = await portal.FindUserAsync(Accounts.Admin.Email);
        using var staff = await portal.SignedInDemoStaffAsync(Accounts.Staff);
        var page = await staff.GetPageAsync($"/staff/users/{admin.Id}");
        Assert.Null(page.QuerySelector("form.reset-second-factors"));

        // Posted all the same (a form from another page): refused, and the admin keeps the factor.
        var own = await staff.GetPageAsync($"/staff/users/{(await portal.FindUserAsync(Accounts.Buyer.Email)).Id}");
        var token = own.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var forged = await staff.Http.PostAsync($"/staff/users/{admin.Id}?handler=ResetSecondFactors",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.True((await portal.FindUserAsync(Accounts.Admin.Email)).TwoFactorEnabled);
    }
}
