using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace CustomerPortal.Identity.Account;

/// <summary>
/// Sign-in attempts per client address; Identity's lockout guards each account, this guards
/// against one address trying many accounts. Only form posts count, so reading the page is free.
/// </summary>
public static class SignInThrottling
{
    public const string Policy = "sign-in";

    public static RateLimiterOptions AddSignInPolicy(this RateLimiterOptions options, IConfiguration configuration)
    {
        var permitsPerMinute = configuration.GetValue("Throttling:SignInAttemptsPerMinute", 20);
        options.AddPolicy(Policy, context =>
            HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = permitsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                : RateLimitPartition.GetNoLimiter("read"));
        return options;
    }
}
