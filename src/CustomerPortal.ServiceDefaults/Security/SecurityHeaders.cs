namespace CustomerPortal.ServiceDefaults.Security;

/// <summary>
/// Headers every response of the portal carries: no framing (credentials are typed into these
/// pages, and the apps show personal data), no inline script, no sniffing, no referrer.
/// </summary>
public static class SecurityHeaders
{
    /// <param name="allowedScriptHashes">Inline scripts allowed by hash ('sha256-…'), for one the framework writes itself.</param>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app, params string[] allowedScriptHashes)
    {
        var policy = $"default-src 'self'; script-src {string.Join(' ', ["'self'", .. allowedScriptHashes])}; style-src 'self'; img-src 'self' data:; " +
            "object-src 'none'; base-uri 'self'; frame-ancestors 'none'";
        return app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = policy;
                headers.XFrameOptions = "DENY";
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "no-referrer";
                if (!headers.ContainsKey("Cache-Control"))
                {
                    // Pages hold personal data and one-time form tokens.
                    headers.CacheControl = "no-store";
                }
                return Task.CompletedTask;
            });
            return next(context);
        });
    }
}
