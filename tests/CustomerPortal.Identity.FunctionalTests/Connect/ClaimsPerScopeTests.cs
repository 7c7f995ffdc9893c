using System.Text.Json;
using CustomerPortal.Identity.Data;
using CustomerPortal.Identity.Machines;
using CustomerPortal.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerPortal.Identity.FunctionalTests.Connect;

/// <summary>A relying app receives exactly the claims its granted scopes allow, in the ID token and from userinfo.</summary>
public sealed class ClaimsPerScopeTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Password = "Claims-2026";

    [Fact]
    public async Task EveryScope_AddsItsClaims_ToTheIdTokenAndUserInfo()
    {
        var email = await ArrangeCustomerAsync();
        using var browser = portal.CreateBrowser();
        var client = OAuthClient.Web(browser);

        var tokens = await client.SignInAsync((email, Password), "openid profile email phone address roles portal");
        var idToken = tokens.ReadIdToken();
        var info = (await client.UserInfoAsync(tokens.AccessToken!)).Body;

        Assert.Equal("ヤマダ", idToken.GetClaim("family_name#ja-Kana-JP").Value);
        Assert.Equal("ハナコ", info.GetProperty("given_name#ja-Kana-JP").GetString());
        Assert.Equal("Asia/Tokyo", info.GetProperty("zoneinfo").GetString());
        Assert.Equal("ja", info.GetProperty("locale").GetString());
        Assert.Equal("03-1234-5678", info.GetProperty("phone_number").GetString());
        Assert.False(info.GetProperty("phone_number_verified").GetBoolean());
        var address = info.GetProperty("address");
        Assert.Equal("100-0001", address.GetProperty("postal_code").GetString());
        Assert.Equal("東京都", address.GetProperty("region").GetString());
        Assert.Equal("千代田区", address.GetProperty("locality").GetString());
        Assert.Equal("JP", address.GetProperty("country").GetString());
        Assert.Contains("〒100-0001 東京都千代田区", address.GetProperty("formatted").GetString());
        Assert.Equal(JsonValueKind.Object, JsonDocument.Parse(idToken.GetClaim("address").Value).RootElement.ValueKind);
        Assert.Equal("試験株式会社", info.GetProperty("company_name").GetString());
        Assert.Equal(["1234567", "2345678"], info.GetProperty("machine_serial").EnumerateArray().Select(s => s.GetString()!));
        // The models from the device registry, which the ordering app filters its catalog by.
        Assert.Equal(["DM300c", "DM400c"], info.GetProperty("machine_model").EnumerateArray().Select(s => s.GetString()!).Order());
        Assert.Equal(["supplies-buyer"], info.GetProperty("role").EnumerateArray().Select(s => s.GetString()!));
    }

    [Theory]
    [InlineData("openid", new[] { "sub" })]
    [InlineData("openid email", new[] { "sub", "email", "email_verified" })]
    [InlineData("openid phone", new[] { "sub", "phone_number", "phone_number_verified" })]
    [InlineData("openid address", new[] { "sub", "address" })]
    [InlineData("openid portal", new[] { "sub", "company_name", "machine_serial", "machine_model" })]
    [InlineData("openid roles", new[] { "sub", "role" })]
    [InlineData("openid profile",
        new[] { "sub", "name", "family_name", "given_name", "family_name#ja-Kana-JP", "given_name#ja-Kana-JP", "locale", "zoneinfo" })]
    public async Task UserInfo_ReturnsExactlyWhatTheScopesAllow(string scope, string[] expected)
    {
        var email = await ArrangeCustomerAsync();
        using var browser = portal.CreateBrowser();
        var client = OAuthClient.Web(browser);
        var tokens = await client.SignInAsync((email, Password), scope);

        var info = (await client.UserInfoAsync(tokens.AccessToken!)).Body;

        Assert.Equal(expected.Order(), info.EnumerateObject().Select(p => p.Name).Order());
    }

    [Fact]
    public async Task Discovery_AdvertisesTheClaimsAndScopes()
    {
        using var client = portal.CreateClient();
        var discovery = JsonDocument.Parse(await client.GetStringAsync("/.well-known/openid-configuration")).RootElement;

        var claims = discovery.GetProperty("claims_supported").EnumerateArray().Select(c => c.GetString()).ToList();
        Assert.Contains("family_name#ja-Kana-JP", claims);
        Assert.Contains("address", claims);
        Assert.Contains("machine_serial", claims);
        Assert.Contains("machine_model", claims);
        Assert.Contains("portal", discovery.GetProperty("scopes_supported").EnumerateArray().Select(c => c.GetString()));
    }

    private async Task<string> ArrangeCustomerAsync()
    {
        var email = $"claims-{Guid.NewGuid():n}@example.com";
        using var scope = portal.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = new PortalUser
        {
            UserName = email, Email = email, EmailConfirmed = true, Status = AccountStatus.Active, Locale = "ja",
            FamilyName = "山田", GivenName = "花子", FamilyNameKana = "ヤマダ", GivenNameKana = "ハナコ",
            CompanyName = "試験株式会社", PhoneNumber = "03-1234-5678",
            Address = new PostalAddress { PostalCode = "100-0001", Prefecture = "13", City = "千代田区", Street = "千代田1-1" },
        };
        Assert.True((await users.CreateAsync(user, Password)).Succeeded);
        await users.AddToRoleAsync(user, "supplies-buyer");
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        db.UserMachines.AddRange(
            new UserMachine { UserId = user.Id, Serial = "2345678", AddedAt = DateTimeOffset.UtcNow },
            new UserMachine { UserId = user.Id, Serial = "1234567", AddedAt = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync();
        return email;
    }
}
