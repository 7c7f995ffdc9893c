using CustomerPortal.Testing;

namespace CustomerPortal.Identity.FunctionalTests.Security;

/// <summary>
/// What the operator sees at start about proxies and networks: a wrong value stops the process
/// naming the setting; forwarded headers switched on without a named proxy are reported.
/// </summary>
public sealed class NetworkSettingsStartTests : IDisposable
{
    private readonly string _work = PortalFactory.NewWorkFolder();

    private Dictionary<string, string> Settings() => new()
    {
        ["Storage:DataFolder"] = Path.Combine(_work, "data"),
        ["Seed:Path"] = Path.Combine(_work, "seed"),
    };

    [Theory]
    [InlineData("ForwardedHeaders:KnownProxies", "proxy.example.com")]
    [InlineData("ForwardedHeaders:KnownProxies", "10.1")]
    [InlineData("ForwardedHeaders:KnownNetworks", "10.0.0.1/8")]
    [InlineData("Metrics:AllowedNetworks", "10.0.0.0")]
    public async Task AValueThatIsNotAnAddressOrNetwork_StopsTheStart_NamingTheSetting(string key, string value)
    {
        var settings = Settings();
        settings[key] = value;
        await using var process = PortalProcess.Start("Development", settings);

        Assert.NotEqual(0, await process.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains(key, process.Output);
        Assert.Contains(value, process.Output);
        Assert.DoesNotContain("   at ", process.Output);
    }

    [Fact]
    public async Task ForwardedHeadersSwitchedOn_WithoutANamedProxy_IsReportedAtStart()
    {
        var settings = Settings();
        settings["ASPNETCORE_FORWARDEDHEADERS_ENABLED"] = "true";
        await using var server = await PortalProcess.StartServerAsync("Development", settings);

        Assert.Contains("ForwardedHeaders:KnownProxies", server.Output);
    }

    public void Dispose()
    {
        try { Directory.Delete(_work, recursive: true); } catch (IOException) { }
    }
}
