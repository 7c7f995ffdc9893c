using System.Threading.RateLimiting;
using CustomerPortal.Identity.Activation;
using Microsoft.AspNetCore.RateLimiting;

namespace CustomerPortal.Identity.Registration;

/// <summary>
/// Registration posts per client address, so the sign-up form cannot be used to try serial
/// after serial (the per-serial limit sits in <see cref="AccountLifecycle"/>).
/// </summary>
public static class RegistrationThrottling
{
    public const string Policy = "registration";

    public static RateLimiterOptions AddRegistrationPolicy(this RateLimiterOptions options, IConfiguration configuration)
    {
        var perHour = configuration.GetSection(RegistrationOptions.Section).Get<RegistrationOptions>()?.PerAddressPerHour ?? new RegistrationOptions().PerAddressPerHour;
        options.AddPolicy(Policy, context =>
            HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = perHour, Window = TimeSpan.FromHours(1), QueueLimit = 0 })
                : RateLimitPartition.GetNoLimiter("read"));
        return options;
    }
}
