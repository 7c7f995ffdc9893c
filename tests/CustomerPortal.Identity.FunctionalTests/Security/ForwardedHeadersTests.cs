using System.Net;
using CustomerPortal.Identity.Audit;
using CustomerPortal.Identity.Data;
using CustomerPortal.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerPortal.Identity.FunctionalTests.Security;

/// <summary>
/// X-Forwarded-For moves the client address (audit log, sign-in throttling) only when it comes
/// from a proxy the operator named; from anyone else it is ignored, even with
/// ASPNETCORE_FORWARDEDHEADERS_ENABLED=true. Over real HTTP on loopback, so the peer is 127.0.0.1.
/// </summary>
public sealed class ForwardedHeadersTests : IAsyncLifetime
{
    private const string Spoofed = "203.0.113.9";
    private readonly PortalFactory _portal = new();

    private void Start(Dictionary<string, string?> settings)
    {
        // What ASPNETCORE_FORWARDEDHEADERS_ENABLED=true sets in the environment of a real process.
        _portal.Settings["FORWARDEDHEADERS_ENABLED"] = "true";
        foreach (var (key, value) in settings)
        {
            _portal.Settings[key] = value;
        }
        _portal.StartOnLoopback();
    }

    [Fact]
    public async Task WithoutTrustedProxies_AForwardedAddress_IsNotWhatTheAuditLogRecords()
    {
        Start([]);

        await FailSignInAsync("spoof-untrusted@example.com", Spoofed);

        Assert.Equal("127.0.0.1", await AuditedAddressAsync("spoof-untrusted@example.com"));
    }

    [Fact]
    public async Task FromATrustedProxy_TheForwardedAddress_IsWhatTheAuditLogRecords()
    {
        Start(new() { ["ForwardedHeaders:KnownProxies"] = "127.0.0.1" });

        await FailSignInAsync("behind-proxy@example.com", Spoofed);

        Assert.Equal(Spoofed, await AuditedAddressAsync("behind-proxy@example.com"));
    }

    [Fact]
    public async Task FromATrustedNetwork_TheForwardedAddress_IsWhatTheAuditLogRecords()
    {
        Start(new() { ["ForwardedHeaders:KnownNetworks"] = "127.0.0.0/8" });

        await FailSignInAsync("behind-network@example.com", Spoofed);

        Assert.Equal(Spoofed, await AuditedAddressAsync("behind-network@example.com"));
    }

    [Fact]
    public async Task FromAnUntrustedPeer_ANewForwardedAddressPerAttempt_DoesNotEscapeTheSignInThrottle()
    {
        Start(new() { ["Throttling:SignInAttemptsPerMinute"] = "3", ["ForwardedHeaders:KnownNetworks"] = "10.0.0.0/8" });

        var statuses = new List<HttpStatusCode>();
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            statuses.Add(await FailSignInAsync($"throttled-{attempt}@example.com", $"203.0.113.{attempt}"));
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    /// <summary>Signs in with a wrong password through the real form, the post claiming to come from <paramref name="forwardedFor"/>.</summary>
    private async Task<HttpStatusCode> FailSignInAsync(string email, string forwardedFor)
    {
        using var browser = _portal.CreateBrowser();
        var login = await LoginPage.OpenAsync(browser);
        browser.Http.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        browser.Http.DefaultRequestHeaders.Add("X-Forwarded-Proto", "http");
        return (await login.SubmitAsync(email, "Wrong-Pass-1")).StatusCode;
    }

    private async Task<string?> AuditedAddressAsync(string email)
    {
        using var scope = _portal.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var failure = await db.AuditEvents.SingleAsync(e => e.Type == AuditEventType.SignInFailed && e.Email == email);
        return failure.ClientAddress;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _portal.DisposeAsync();
}
