using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;

namespace CustomerPortal.Testing;

/// <summary>
/// A relying app's back-channel logout endpoint on loopback (real HTTP), registered with the
/// portal's seed as a confidential client that asks for logout tokens.
/// </summary>
public sealed class BackchannelReceiver : IAsyncDisposable
{
    public const string ClientId = "bcl-rp";
    public const string Secret = "bcl-rp-secret";
    public const string RedirectUri = "https://bcl.test/callback";

    private readonly ConcurrentQueue<string> _received = new();
    private readonly WebApplication _app;

    private BackchannelReceiver(WebApplication app) => _app = app;

    /// <summary>Starts the endpoint and registers its client in <paramref name="portal"/>'s seed (before the portal starts).</summary>
    public static async Task<BackchannelReceiver> StartForAsync(PortalFactory portal)
    {
        var port = LoopbackPorts.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var receiver = new BackchannelReceiver(builder.Build());
        receiver._app.MapPost("/backchannel-logout", async (HttpRequest request) =>
        {
            receiver._received.Enqueue((await request.ReadFormAsync())["logout_token"].ToString());
            return Results.Ok();
        });
        await receiver._app.StartAsync();
        TestClients.Write(portal.SeedFolder, new
        {
            clientId = ClientId,
            displayName = "Back-channel test app",
            type = "confidential",
            secret = Secret,
            grantTypes = new[] { "authorization_code", "refresh_token" },
            scopes = new[] { "openid", "profile", "offline_access" },
            redirectUris = new[] { RedirectUri },
            postLogoutRedirectUris = new[] { "https://bcl.test/signed-out" },
            backchannelLogoutUri = $"http://127.0.0.1:{port}/backchannel-logout",
        });
        return receiver;
    }

    public static OAuthClient ClientIn(Browser browser) => new(browser, ClientId, Secret, RedirectUri);

    /// <summary>The next logout token to arrive, as sent.</summary>
    public Task<string> ReceiveAsync() =>
        Eventually.GetAsync(() => Task.FromResult(_received.TryDequeue(out var token) ? token : null), "a logout token at the client");

    /// <summary>Waits for the logout token of session <paramref name="sid"/>, passing over those of other sessions.</summary>
    public async Task<JsonWebToken> ReceiveForSessionAsync(string sid)
    {
        while (true)
        {
            var token = new JsonWebToken(await ReceiveAsync());
            if (token.GetClaim("sid").Value == sid)
            {
                return token;
            }
        }
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
