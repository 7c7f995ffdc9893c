using System.Net;
using CustomerPortal.Testing;

namespace CustomerPortal.Identity.FunctionalTests.Seeding;

/// <summary>Outside Development the operator must provide keys and secrets; the process says which setting is missing.</summary>
[Trait(TestTraits.Storage, TestTraits.OwnStorage)]
public sealed class ProductionStartTests : IDisposable
{
    private readonly string _work = PortalFactory.NewWorkFolder();

    private Dictionary<string, string> Settings() => new()
    {
        ["Storage:DataFolder"] = Path.Combine(_work, "data"),
        ["Seed:Path"] = Path.Combine(_work, "seed"),
        ["Registration:PublicOrigin"] = "https://portal.example.co.jp/",
        ["Mail:PickupFolder"] = Path.Combine(_work, "mail"),
    };

    private Dictionary<string, string> SettingsWithKeys()
    {
        var settings = Settings();
        settings["Keys:SigningCertificate:Path"] = TestCertificates.CreatePfx(Path.Combine(_work, "certs"), "signing", "sign-pass");
        settings["Keys:SigningCertificate:Password"] = "sign-pass";
        settings["Keys:EncryptionCertificate:Path"] = TestCertificates.CreatePfx(Path.Combine(_work, "certs"), "encryption", "enc-pass");
        settings["Keys:EncryptionCertificate:Password"] = "enc-pass";
        return settings;
    }

    [Fact]
    public async Task Production_WithoutCertificates_RefusesToStartAndNamesTheSetting()
    {
        await using var process = PortalProcess.Start("Production", Settings());

        var exitCode = await process.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Keys:SigningCertificate:Path", process.Output);
        Assert.DoesNotContain("   at ", process.Output);
    }

    [Fact]
    public async Task Production_WithPlainHttpAllowed_RefusesToStart()
    {
        var settings = SettingsWithKeys();
        settings["Server:RequireHttps"] = "false";
        await using var process = PortalProcess.Start("Production", settings);

        Assert.NotEqual(0, await process.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains("Server:RequireHttps", process.Output);
    }

    [Fact]
    public async Task SeedCommand_InProduction_RefusesLiteralSecrets_AndSeedsWithConfiguredOnes()
    {
        await using (var refused = PortalProcess.Start("Production", SettingsWithKeys(), "seed"))
        {
            Assert.NotEqual(0, await refused.WaitForExitAsync(TimeSpan.FromSeconds(60)));
            Assert.Contains("Clients:", refused.Output);
            Assert.Contains(":Secret", refused.Output);
        }

        var settings = SettingsWithKeys();
        // The test reaches the server by its loopback address, beside the public name.
        settings["AllowedHosts"] = "portal.example.co.jp;127.0.0.1";
        foreach (var file in Directory.GetFiles(Path.Combine(_work, "seed", "clients"), "*.json"))
        {
            var clientId = System.Text.Json.JsonDocument.Parse(File.ReadAllText(file),
                    new() { CommentHandling = System.Text.Json.JsonCommentHandling.Skip })
                .RootElement.GetProperty("clientId").GetString();
            settings[$"Clients:{clientId}:Secret"] = $"{clientId}-production-secret";
        }
        await using (var seeded = PortalProcess.Start("Production", settings, "seed"))
        {
            Assert.Equal(0, await seeded.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        }

        // The production server then serves the seeded client, over HTTPS only.
        await using var server = await PortalProcess.StartServerAsync("Production", settings);
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var overHttp = await http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = TestClients.ServiceClientId,
            ["client_secret"] = "test-service-production-secret",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, overHttp.StatusCode);
        Assert.Contains("ID2083", await overHttp.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("Registration:PublicOrigin")]
    [InlineData("Mail:PickupFolder")]
    public async Task Production_WithoutWhereLinksPointOrWhereMailGoes_RefusesToStartAndNamesTheSetting(string missing)
    {
        var settings = SettingsWithKeys();
        settings.Remove(missing);
        await using var process = PortalProcess.Start("Production", settings);

        Assert.NotEqual(0, await process.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains(missing, process.Output);
        Assert.DoesNotContain("   at ", process.Output);
    }

    [Fact]
    public async Task Production_WithEveryHostAllowed_RefusesToStart()
    {
        var settings = SettingsWithKeys();
        settings["AllowedHosts"] = "*";
        await using var process = PortalProcess.Start("Production", settings);

        Assert.NotEqual(0, await process.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains("AllowedHosts", process.Output);
    }

    [Fact]
    public async Task Production_ARequestNamingAnotherHost_Gets400AndNoRedirect()
    {
        await using var server = await PortalProcess.StartServerAsync("Production", SettingsWithKeys());
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = server.BaseAddress };

        foreach (var path in new[] { "/account/login", "/account/settings", "/account/forgot-password" })
        {
            using var spoofed = new HttpRequestMessage(HttpMethod.Get, path) { Headers = { Host = "attacker.example" } };
            var refused = await http.SendAsync(spoofed);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Null(refused.Headers.Location);
        }
        // The public name (Registration:PublicOrigin's host) is served.
        using var own = new HttpRequestMessage(HttpMethod.Get, "/health/live") { Headers = { Host = "portal.example.co.jp" } };
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(own)).StatusCode);
    }

    public void Dispose()
    {
        try { Directory.Delete(_work, recursive: true); } catch (IOException) { }
    }
}
