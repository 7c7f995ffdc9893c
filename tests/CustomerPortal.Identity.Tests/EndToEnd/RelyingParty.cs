using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace CustomerPortal.Identity.Tests.EndToEnd;

/// <summary>
/// A minimal relying app on Kestrel, configured like the portal's own apps: the stock ASP.NET Core
/// OpenID Connect handler, code flow with PKCE, tokens saved in its cookie.
/// </summary>
public sealed class RelyingParty : IAsyncDisposable
{
    public const string ClientId = "e2e-rp";
    public const string Secret = "e2e-rp-secret";

    private readonly WebApplication _app;

    private RelyingParty(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>The client file an operator drops into seed/clients/ for this app.</summary>
    public static object ClientFile(int port) => new
    {
        clientId = ClientId,
        displayName = "End-to-end relying party",
        type = "confidential",
        secret = Secret,
        grantTypes = new[] { "authorization_code", "refresh_token" },
        scopes = new[] { "openid", "profile", "email", "roles", "offline_access" },
        redirectUris = new[] { $"http://127.0.0.1:{port}/signin-oidc" },
        postLogoutRedirectUris = new[] { $"http://127.0.0.1:{port}/signout-callback-oidc" },
    };

    public static async Task<RelyingParty> StartAsync(int port, Uri authority)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        builder.Services.AddAuthentication(options =>
            {
                options.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                options.DefaultChallengeScheme = OpenIdConnectDefaults.AuthenticationScheme;
            })
            .AddCookie()
            .AddOpenIdConnect(options =>
            {
                options.Authority = authority.ToString();
                options.RequireHttpsMetadata = false; // loopback in Development
                // HttpClient's cookie container, unlike a browser, never treats http://127.0.0.1 as secure.
                options.CorrelationCookie.SecurePolicy = Microsoft.AspNetCore.Http.CookieSecurePolicy.SameAsRequest;
                options.NonceCookie.SecurePolicy = Microsoft.AspNetCore.Http.CookieSecurePolicy.SameAsRequest;
                options.ClientId = ClientId;
                options.ClientSecret = Secret;
                options.ResponseType = OpenIdConnectResponseType.Code;
                options.UsePkce = true;
                options.SaveTokens = true;
                options.MapInboundClaims = false;
                options.GetClaimsFromUserInfoEndpoint = true;
                options.Scope.Clear();
                foreach (var scope in new[] { "openid", "profile", "email", "roles", "offline_access" })
                {
                    options.Scope.Add(scope);
                }
                options.ClaimActions.MapJsonKey("role", "role");
                options.TokenValidationParameters.NameClaimType = "name";
                options.TokenValidationParameters.RoleClaimType = "role";
            });
        builder.Services.AddAuthorization();

        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        // The explicit return type keeps the lambda from binding as a RequestDelegate, which would drop the result.
        app.MapGet("/secure", async Task<IResult> (HttpContext context) => Results.Json(new
        {
            name = context.User.Identity!.Name,
            email = context.User.FindFirst("email")?.Value,
            isBuyer = context.User.IsInRole("supplies-buyer"),
            accessToken = await context.GetTokenAsync("access_token"),
            refreshToken = await context.GetTokenAsync("refresh_token"),
        })).RequireAuthorization();
        app.MapGet("/logout", () => Results.SignOut(
            new AuthenticationProperties { RedirectUri = "/signed-out" },
            [CookieAuthenticationDefaults.AuthenticationScheme, OpenIdConnectDefaults.AuthenticationScheme]));
        app.MapGet("/signed-out", () => "signed out");
        await app.StartAsync();
        return new RelyingParty(app, new Uri($"http://127.0.0.1:{port}"));
    }

    public static JsonElement Read(string json) => JsonDocument.Parse(json).RootElement.Clone();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
