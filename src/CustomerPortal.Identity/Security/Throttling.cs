using System.Threading.RateLimiting;
using CustomerPortal.Identity.Account;
using CustomerPortal.Identity.Registration;
using CustomerPortal.Identity.Theming;
using Microsoft.AspNetCore.RateLimiting;

namespace CustomerPortal.Identity.Security;

public static class Throttling
{
    /// <summary>
    /// A fixed window of form posts per client address; reading pages is never limited, so the
    /// limit only bites on attempts (sign-in, registration, reset links).
    /// </summary>
    public static void AddPostsPerClientAddress(this RateLimiterOptions options, string policy, int permits, TimeSpan window) =>
        options.AddPolicy(policy, context =>
            HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 })
                : RateLimitPartition.GetNoLimiter("read"));

    public static IServiceCollection AddPortalThrottling(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRateLimiter(options =>
        {
            options.AddSignInPolicy(configuration);
            options.AddRegistrationPolicy(configuration);
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = async (context, cancellationToken) =>
            {
                var messages = context.HttpContext.RequestServices.GetRequiredService<MessageBundle>();
                context.HttpContext.Response.Headers.RetryAfter = "60";
                context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                await context.HttpContext.Response.WriteAsync(messages["error.throttled"], cancellationToken);
            };
        });
        return services;
    }
}
