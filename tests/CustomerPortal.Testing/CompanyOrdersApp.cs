using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CustomerPortal.Testing;

/// <summary>
/// An app that keeps orders, as the staff console sees it: a <c>company_orders_uri</c> on loopback
/// (real HTTP) that records the bearer token the IdP sends and answers the counts it was given.
/// </summary>
public sealed class CompanyOrdersApp : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> _tokens = new();
    private readonly WebApplication _app;

    private CompanyOrdersApp(WebApplication app) => _app = app;

    /// <summary>The tokens received, oldest first.</summary>
    public IReadOnlyCollection<string> Tokens => _tokens;

    /// <summary>
    /// Starts the endpoint answering <paramref name="answer"/> and registers <paramref name="clientId"/>
    /// in the seed (before the portal starts).
    /// </summary>
    public static async Task<CompanyOrdersApp> StartForAsync(PortalFactory portal, string clientId, CompanyOrdersSummary answer)
    {
        var port = LoopbackPorts.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = new CompanyOrdersApp(builder.Build());
        app._app.MapGet("/api/company-orders", (HttpRequest request) =>
        {
            app._tokens.Enqueue(request.Headers.Authorization.ToString());
            return Results.Json(answer);
        });
        await app._app.StartAsync();
        RegisterIn(portal, clientId, $"http://127.0.0.1:{port}/api/company-orders");
        return app;
    }

    /// <summary>Registers a client whose company orders live at <paramref name="uri"/>, reachable or not.</summary>
    public static void RegisterIn(PortalFactory portal, string clientId, string uri) => TestClients.Write(portal.SeedFolder, new
    {
        clientId,
        displayName = clientId,
        type = "confidential",
        secret = $"{clientId}-secret",
        grantTypes = new[] { "authorization_code" },
        scopes = new[] { "openid" },
        redirectUris = new[] { $"https://{clientId}.test/callback" },
        companyOrdersUri = uri,
    });

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
