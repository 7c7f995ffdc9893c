using System.Globalization;
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
    /// <param name="exempt">Posts of the policy's pages that change nothing (a form shown again) and are not counted.</param>
    public static void AddPostsPerClientAddress(
        this RateLimiterOptions options, string policy, int permits, TimeSpan window, Func<HttpRequest, bool>? exempt = null) =>
        options.AddPolicy(policy, context =>
            HttpMethods.IsPost(context.Request.Method) && exempt?.Invoke(context.Request) != true
                ? RateLimitPartition.Get(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new CountdownWindowLimiter(permits, window, context.RequestServices.GetRequiredService<TimeProvider>()))
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
                // The seconds left in the client's window, rounded up so that a retry then is let through.
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var left) ? left : TimeSpan.FromMinutes(1);
                context.HttpContext.Response.Headers.RetryAfter =
                    Math.Max(1, (long)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                await context.HttpContext.Response.WriteAsync(messages["error.throttled"], cancellationToken);
            };
        });
        return services;
    }
}
