using System.Collections.Concurrent;

namespace CustomerPortal.Identity.Connect;

/// <summary>
/// Serves the discovery document and the JWKS from memory once OpenIddict has written them.
/// </summary>
/// <remarks>
/// Both are the same bytes for every request to the same issuer until the process restarts
/// (the keys and the server's settings are fixed at start-up), yet OpenIddict builds them anew
/// per request: every client and every validating API fetches them. They are kept per scheme and
/// host, because without a configured Server:Issuer the issuer comes from the request; the
/// number of hosts kept is bounded since the Host header is chosen by the caller.
/// </remarks>
public static class MetadataFromMemory
{
    private const int MaximumHosts = 16;
    private static readonly string[] Paths = ["/.well-known/openid-configuration", "/.well-known/jwks"];

    public static IApplicationBuilder UseMetadataFromMemory(this IApplicationBuilder app)
    {
        var documents = new ConcurrentDictionary<string, Document>(StringComparer.Ordinal);
        return app.Use(async (context, next) =>
        {
            var request = context.Request;
            if (!HttpMethods.IsGet(request.Method) || request.QueryString.HasValue || !Paths.Contains(request.Path.Value, StringComparer.Ordinal))
            {
                await next(context);
                return;
            }

            var key = $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}";
            if (documents.TryGetValue(key, out var kept))
            {
                context.Response.ContentType = kept.ContentType;
                context.Response.ContentLength = kept.Body.Length;
                await context.Response.Body.WriteAsync(kept.Body, context.RequestAborted);
                return;
            }

            var original = context.Response.Body;
            using var captured = new MemoryStream();
            context.Response.Body = captured;
            try
            {
                await next(context);
            }
            finally
            {
                context.Response.Body = original;
            }
            var body = captured.ToArray();
            if (context.Response.StatusCode == StatusCodes.Status200OK
                && context.Response.ContentType is { } contentType
                && documents.Count < MaximumHosts * Paths.Length)
            {
                documents.TryAdd(key, new Document(contentType, body));
            }
            await original.WriteAsync(body, context.RequestAborted);
        });
    }

    private sealed record Document(string ContentType, byte[] Body);
}
