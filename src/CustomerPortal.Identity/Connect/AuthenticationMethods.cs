using System.Security.Claims;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace CustomerPortal.Identity.Connect;

/// <summary>
/// How the user proved who they are, as the ID token says it: <c>amr</c> with RFC 8176 values, and
/// the <c>acr</c> that follows from them. The sign-in cookie carries the methods (one <c>amr</c>
/// claim each); codes and refresh tokens carry them on, so a refreshed ID token says the same.
/// </summary>
public static class AuthenticationMethods
{
    public const string Password = "pwd";
    public const string OneTimeCode = "otp";
    public const string MultiFactor = "mfa";

    /// <summary>A passkey whose key cannot leave its device.</summary>
    public const string HardwareKey = "hwk";

    /// <summary>A passkey synced between devices (backup eligible): the key exists in software somewhere.</summary>
    public const string SoftwareKey = "swk";

    /// <summary>The ACR values this IdP can satisfy, weakest first (discovery's <c>acr_values_supported</c>).</summary>
    public static class Levels
    {
        /// <summary>A password alone (or a password on a browser remembered after a second factor).</summary>
        public const string Password = "urn:customer-portal:acr:password";

        /// <summary>A password and a second factor (authenticator-app code or recovery code), or a passkey.</summary>
        public const string MultiFactor = "urn:customer-portal:acr:mfa";

        /// <summary>A passkey: bound to this portal's address, so a look-alike site cannot replay it.</summary>
        public const string PhishingResistant = "urn:customer-portal:acr:phishing-resistant";

        public static readonly string[] Supported = [Password, MultiFactor, PhishingResistant];

        /// <summary>
        /// What acr_values asks that the session's level does not reach: the weakest known level
        /// asked (acr_values lists what the client would accept), or null when the session
        /// suffices or no known level is asked (unknown values are ignored, as a preference).
        /// </summary>
        public static string? Missing(string? acrValues, IReadOnlyCollection<string> sessionMethods)
        {
            var asked = (acrValues ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(value => Array.IndexOf(Supported, value)).Where(rank => rank >= 0).DefaultIfEmpty(-1).Min();
            return asked > Array.IndexOf(Supported, LevelOf(sessionMethods)) ? Supported[asked] : null;
        }
    }

    /// <summary>The claim that records a second factor proved now (<see cref="PortalClaims.SecondFactorTime"/>).</summary>
    public static Claim SecondFactorProvedAt(DateTimeOffset now) =>
        new(PortalClaims.SecondFactorTime, now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), ClaimValueTypes.Integer64);

    public static DateTimeOffset? SecondFactorTimeOf(ClaimsPrincipal principal) =>
        long.TryParse(principal.FindFirst(PortalClaims.SecondFactorTime)?.Value, out var seconds) ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;

    public static IReadOnlyList<string> Of(ClaimsPrincipal? principal) =>
        principal is null
            ? []
            : [.. principal.FindAll(OpenIddict.Abstractions.OpenIddictConstants.Claims.AuthenticationMethodReference)
                .Select(c => c.Value).Distinct(StringComparer.Ordinal)];

    public static string LevelOf(IReadOnlyCollection<string> methods) =>
        methods.Contains(HardwareKey) || methods.Contains(SoftwareKey) ? Levels.PhishingResistant
        : methods.Contains(MultiFactor) ? Levels.MultiFactor
        : Levels.Password;

    public static IEnumerable<Claim> AsClaims(IEnumerable<string> methods) =>
        methods.Select(method => new Claim(OpenIddict.Abstractions.OpenIddictConstants.Claims.AuthenticationMethodReference, method));

    /// <summary>Discovery lists the ACR values (<c>acr_values_supported</c>).</summary>
    public static OpenIddictServerHandlerDescriptor DiscoveryDescriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<HandleConfigurationRequestContext>()
            .UseInlineHandler(context =>
            {
                context.Metadata[Metadata.AcrValuesSupported] = System.Text.Json.JsonSerializer.SerializeToElement(Levels.Supported);
                return default;
            })
            .SetOrder(int.MaxValue - 100)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();
}
