using System.Globalization;
using System.Text.Encodings.Web;
using CustomerPortal.ServiceDefaults.Theming;

namespace CustomerPortal.ServiceDefaults.Maintenance;

/// <summary>
/// While the IdP is in maintenance, customers get the maintenance page (503 with Retry-After);
/// staff keep working, and so does what sign-in and sign-out need.
/// </summary>
public static class MaintenanceGate
{
    private static readonly string[] AlwaysOpen =
        ["/health", "/theme", "/signin-oidc", "/signout-callback-oidc", "/signout-backchannel", "/signout", "/error"];

    /// <summary>Call after authentication (staff are recognised) and localization (the page's language).</summary>
    public static IApplicationBuilder UsePortalMaintenanceGate(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (AlwaysOpen.Any(prefix => context.Request.Path.StartsWithSegments(prefix))
            || context.User.IsInRole(PortalRoles.Staff) || context.User.IsInRole(PortalRoles.Admin))
        {
            await next(context);
            return;
        }
        var status = await context.RequestServices.GetRequiredService<MaintenanceFollower>().CurrentAsync(context.RequestAborted);
        if (!status.Enabled)
        {
            await next(context);
            return;
        }
        var retryAfter = status.ExpectedEnd is { } end ? Math.Max(60, (int)(end - DateTimeOffset.UtcNow).TotalSeconds) : 3600;
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(Page(status, context.RequestServices.GetRequiredService<MessageBundle>()));
    });

    /// <summary>The same words as the IdP's maintenance page, from the theme's bundle.</summary>
    private static string Page(MaintenanceStatus status, MessageBundle messages)
    {
        var culture = CultureInfo.CurrentUICulture;
        var language = MessageBundle.LanguageOf(culture);
        string T(string key, params object?[] arguments) => HtmlEncoder.Default.Encode(messages.Get(culture, key, arguments));
        var message = status.Message(language) is { Length: > 0 } custom ? HtmlEncoder.Default.Encode(custom) : T("maintenance.text");
        var until = status.ExpectedEnd is { } end
            ? "<p class=\"expected-end\">" +
                T("maintenance.until", messages.DateAndTime(end, culture)) +
                "</p>"
            : "";
        return $"""
            <!DOCTYPE html>
            <html lang="{language}">
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <title>{T("maintenance.title")} - {T("portal.name")}</title>
                <link rel="stylesheet" href="/theme/css/portal.css" />
                <link rel="stylesheet" href="/theme/css/theme.css" />
            </head>
            <body>
                <header class="top-bar"><span class="brand"><img src="/theme/img/logo.svg" alt="" width="28" height="28" /> {T("portal.name")}</span></header>
                <main>
                    <section class="card maintenance">
                        <h1>{T("maintenance.title")}</h1>
                        <p>{message}</p>
                        {until}
                        <p>{T("maintenance.later")}</p>
                    </section>
                </main>
            </body>
            </html>
            """;
    }
}
