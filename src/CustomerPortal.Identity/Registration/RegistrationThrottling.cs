using CustomerPortal.Identity.Activation;
using CustomerPortal.Identity.Security;
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
        var perHour = configuration.GetSection(RegistrationOptions.Section).Get<RegistrationOptions>()?.PerAddressPerHour
            ?? new RegistrationOptions().PerAddressPerHour;
        // The sign-up form's check and the way back from its confirmation send nothing: only sending counts.
        options.AddPostsPerClientAddress(Policy, perHour, TimeSpan.FromHours(1), exempt: RegisterModel.OnlyShows);
        return options;
    }
}
