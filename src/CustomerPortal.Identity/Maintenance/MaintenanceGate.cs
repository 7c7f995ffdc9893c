using System.Globalization;

namespace CustomerPortal.Identity.Maintenance;

/// <summary>
/// During maintenance customers get the maintenance page (503 with Retry-After). What apps need
/// for tokens already issued keeps working (discovery, keys, token, userinfo, introspection,
/// revocation, logout), and so do the sign-in page and everything for staff.
/// </summary>
public static class MaintenanceGate
{
    private static readonly string[] AlwaysOpen =
    [
        "/.well-known", Connect.OpenIddictSetup.TokenPath, Connect.OpenIddictSetup.UserInfoPath, Connect.OpenIddictSetup.IntrospectionPath,
        Connect.OpenIddictSetup.RevocationPath, Connect.OpenIddictSetup.EndSessionPath,
        "/account/login", "/account/signed-out", "/language", "/theme", "/health", "/error", "/maintenance",
    ];

    public static IApplicationBuilder UseMaintenanceGate(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var state = await context.RequestServices.GetRequiredService<MaintenanceMode>().CurrentAsync();
        if (!state.Enabled || AlwaysOpen.Any(prefix => context.Request.Path.StartsWithSegments(prefix))
            || context.User.IsInRole(PortalRoles.Staff) || context.User.IsInRole(PortalRoles.Admin))
        {
            await next(context);
            return;
        }
        var retryAfter = state.ExpectedEnd is { } end ? Math.Max(60, (int)(end - DateTimeOffset.UtcNow).TotalSeconds) : 3600;
        context.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            await context.Response.WriteAsJsonAsync(new { title = "maintenance", status = 503 });
            return;
        }
        // The maintenance page renders with the status it is given.
        context.Request.Path = "/maintenance";
        context.Request.QueryString = QueryString.Empty;
        context.Request.Method = HttpMethods.Get;
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        await next(context);
    });
}
