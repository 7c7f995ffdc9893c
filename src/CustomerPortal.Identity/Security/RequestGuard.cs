using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;

namespace CustomerPortal.Identity.Security;

/// <summary>
/// Turns malformed requests into 4xx answers before they can surface as 500s: bodies over the
/// limit, forms the form reader refuses, and bytes that are not UTF-8. Protocol endpoints get an
/// OAuth-style JSON error, pages get the error page.
/// </summary>
public static class RequestGuard
{
    public const long MaxBodyBytes = 64 * 1024;

    public static IServiceCollection AddRequestGuard(this IServiceCollection services)
    {
        services.Configure<FormOptions>(options =>
        {
            options.ValueCountLimit = 100;
            options.KeyLengthLimit = 1024;
            options.ValueLengthLimit = 16 * 1024;
            options.MultipartBodyLengthLimit = MaxBodyBytes;
        });
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(options =>
        {
            options.Limits.MaxRequestBodySize = MaxBodyBytes;
            options.Limits.MaxRequestLineSize = 16 * 1024;
        });
        return services;
    }

    public static IApplicationBuilder UseRequestGuard(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.Request.ContentLength > MaxBodyBytes)
        {
            await RefuseAsync(context, StatusCodes.Status413PayloadTooLarge, "The request body is too large.");
            return;
        }
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBodyBytes;
        }
        try
        {
            if (await FormBody.RefusalAsync(context.Request) is { } refusal)
            {
                await RefuseAsync(context, refusal, "The request body cannot be read.");
                return;
            }
            if (context.Request.Path.StartsWithSegments("/connect") && await HasRepeatedParameterAsync(context.Request))
            {
                // OAuth 2.0 (RFC 6749 3.1): parameters must not be included more than once.
                await RefuseAsync(context, StatusCodes.Status400BadRequest, "A parameter is repeated.");
                return;
            }
            await next(context);
        }
        catch (Exception error) when (IsClientFault(error) && !context.Response.HasStarted)
        {
            var status = error is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status400BadRequest;
            await RefuseAsync(context, status, "The request is malformed.");
        }
    });

    // RFC 8707 lets these repeat; every other OAuth and OpenID Connect parameter is single.
    private static readonly HashSet<string> MultiValued = ["resource", "audience"];

    private static async Task<bool> HasRepeatedParameterAsync(HttpRequest request)
    {
        if (request.Query.Any(p => p.Value.Count > 1 && !MultiValued.Contains(p.Key)))
        {
            return true;
        }
        if (!request.HasFormContentType)
        {
            return false;
        }
        var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
        return form.Any(p => p.Value.Count > 1 && !MultiValued.Contains(p.Key));
    }

    // Clients and APIs call these and read JSON; every other address is a page someone looks at
    // (the authorization and logout endpoints included: a browser is sent there).
    private static readonly string[] JsonEndpoints =
    [
        Connect.OpenIddictSetup.TokenPath, Connect.OpenIddictSetup.IntrospectionPath,
        Connect.OpenIddictSetup.RevocationPath, Connect.OpenIddictSetup.UserInfoPath,
        "/.well-known", "/api", PortalPaths.MaintenanceStatus, "/health", "/metrics",
    ];

    private static bool IsBrowserEndpoint(PathString path) => !JsonEndpoints.Any(endpoint => path.StartsWithSegments(endpoint));

    private static bool IsClientFault(Exception error) => error switch
    {
        BadHttpRequestException => true,
        InvalidDataException => true,              // form reader limits
        DecoderFallbackException => true,          // invalid UTF-8
        AggregateException aggregate => aggregate.InnerExceptions.All(IsClientFault),
        _ when error.InnerException is { } inner => IsClientFault(inner),
        _ => false,
    };

    private static async Task RefuseAsync(HttpContext context, int status, string description)
    {
        context.Response.Clear();
        context.Response.StatusCode = status;
        if (IsBrowserEndpoint(context.Request.Path))
        {
            // An empty body lets the status code pages show the error page in the user's language.
            return;
        }
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["error"] = "invalid_request",
            ["error_description"] = description,
        }));
    }
}
