namespace CustomerPortal.Identity.Security;

/// <summary>Headers every response carries: no framing (credentials are typed here), no sniffing, no referrer.</summary>
public static class SecurityHeaders
{
    // OpenIddict's form_post response submits itself with this one inline script; its hash is
    // allowed so that the rest of the site can refuse inline scripts altogether.
    private const string FormPostScriptHash = "'sha256-j7OoGArf6XW6YY4cAyS3riSSvrJRqpSi1fOF9vQ5SrI='";

    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self' " + FormPostScriptHash + "; style-src 'self'; img-src 'self' data:; " +
        "object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XFrameOptions = "DENY";
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            if (!headers.ContainsKey("Cache-Control"))
            {
                // Pages here hold personal data and one-time form tokens.
                headers.CacheControl = "no-store";
            }
            return Task.CompletedTask;
        });
        return next(context);
    });
}
