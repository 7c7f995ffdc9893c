using System.Threading.RateLimiting;
using CustomerPortal.Identity.Theming;
using Microsoft.AspNetCore.RateLimiting;

namespace CustomerPortal.Identity.Account;

/// <summary>
/// Sign-in attempts per client address; Identity's lockout guards each account, this guards
/// against one address trying many accounts. Only form posts count, so reading the page is free.
/// </summary>
public static class SignInThrottling
{
    public const string Policy = "sign-in";

    public static IServiceCollection AddPortalThrottling(this IServiceCollection services, IConfiguration configuration)
    {
        var permitsPerMinute = configuration.GetValue("Throttling:SignInAttemptsPerMinute", 20);
        services.AddRateLimiter(options =>
        {
            options.AddPolicy(Policy, context =>
                HttpMethods.IsPost(context.Request.Method)
                    ? RateLimitPartition.GetFixedWindowLimiter(
                        context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = permitsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                    : RateLimitPartition.GetNoLimiter("read"));
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = async (context, cancellationToken) =>
            {
                var messages = context.HttpContext.RequestServices.GetRequiredService<MessageBundle>();
                context.HttpContext.Response.Headers.RetryAfter = "60";
                context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                await context.HttpContext.Response.WriteAsync(messages["login.error.throttled"], cancellationToken);
            };
        });
        return services;
    }
}
