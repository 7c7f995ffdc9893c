using System.Net;
using CustomerPortal.Testing;

namespace CustomerPortal.Identity.FunctionalTests.Registration;

/// <summary>Registration is throttled per serial (and per client address), so serials cannot be enumerated.</summary>
public sealed class SerialThrottlingTests
{
    [Fact]
    public async Task Serial_UsedTooOftenInADay_IsRefusedWithoutSayingWhetherItExists()
    {
        using var portal = new PortalFactory();
        using var browser = portal.CreateBrowser();
        var serial = "7" + Random.Shared.Next(100000, 999999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        for (var i = 0; i < 3; i++)
        {
            var page = await RegistrationPage.OpenAsync(browser);
            var input = RegistrationPage.ValidInput($"serial-{i}-{Guid.NewGuid():n}@example.com");
            input["Input.Serial"] = serial;
            Assert.Equal(HttpStatusCode.Redirect, (await page.SubmitAsync(input)).StatusCode);
        }

        var fourth = await RegistrationPage.OpenAsync(browser);
        var refusedInput = RegistrationPage.ValidInput($"serial-4-{Guid.NewGuid():n}@example.com");
        refusedInput["Input.Serial"] = serial;
        var refused = await RegistrationPage.FromAsync(browser, await fourth.SubmitAsync(refusedInput));

        Assert.Contains("お問い合わせ", refused.Document.QuerySelector("#form-error")!.TextContent);
    }
}
