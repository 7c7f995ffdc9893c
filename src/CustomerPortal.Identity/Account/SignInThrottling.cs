using CustomerPortal.Identity.Security;
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
        options.AddPostsPerClientAddress(Policy, permitsPerMinute, TimeSpan.FromMinutes(1));
        return options;
    }
}
