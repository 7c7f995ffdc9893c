using CustomerPortal.Identity.Security;
using Microsoft.AspNetCore.Identity;

namespace CustomerPortal.Identity.Account.Passkeys;

/// <summary>
/// What a passkey must be here, for Identity's passkey handler: made for this portal's public
/// host (the relying party id; never taken from the request's Host header), answered from this
/// portal's origin and not from a frame, with the user verified (PIN or biometrics, so a passkey is
/// two factors), and discoverable (so the sign-in page needs no address first).
/// </summary>
public static class PasskeyRules
{
    public static void Configure(IdentityPasskeyOptions options, IConfiguration configuration, IHostEnvironment environment)
    {
        // Without a configured origin (Development only), the Quick start's http://localhost:5101.
        var origin = PublicOrigin.Configured(configuration);
        options.ServerDomain = origin?.Host ?? (environment.IsDevelopment() ? null : throw new InvalidOperationException("No public origin."));
        options.UserVerificationRequirement = "required";
        options.ResidentKeyRequirement = "required";
        options.ValidateOrigin = context => ValueTask.FromResult(
            !context.CrossOrigin
            && Uri.TryCreate(context.Origin, UriKind.Absolute, out var answered)
            && (origin is null
                ? IsRequestOrigin(context.HttpContext, answered)
                : string.Equals(answered.GetLeftPart(UriPartial.Authority), origin.GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>Development without a configured origin: the origin the browser sent with the request (it cannot be forged by a page).</summary>
    private static bool IsRequestOrigin(HttpContext http, Uri answered) =>
        http.Request.Headers.Origin is [{ } sent] && Uri.TryCreate(sent, UriKind.Absolute, out var origin) && origin == answered;
}
