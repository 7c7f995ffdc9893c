namespace CustomerPortal.Identity.Connect;

/// <summary>Claim and scope names that are ours rather than OpenID Connect's.</summary>
public static class PortalClaims
{
    /// <summary>
    /// Copy of the user's security stamp inside authorization codes and refresh tokens (never in a
    /// token a client can read): when the stamp changes (password reset, lock), the grant dies.
    /// </summary>
    public const string SecurityStamp = "portal_security_stamp";

    /// <summary>
    /// When the user last typed a password, in the sign-in cookie as Unix seconds. Set on sign-in
    /// and carried across cookie refreshes, because sliding renewal resets the cookie's own IssuedUtc.
    /// </summary>
    public const string AuthenticationTime = OpenIddict.Abstractions.OpenIddictConstants.Claims.AuthenticationTime;

    /// <summary>Katakana readings as language-tagged claims (OpenID Connect Core 5.2).</summary>
    public const string FamilyNameKana = "family_name#ja-Kana-JP";
    public const string GivenNameKana = "given_name#ja-Kana-JP";

    /// <summary>Scope "portal": the customer's company and the serials of the machines on the account and their models.</summary>
    public const string PortalScope = "portal";
    public const string CompanyName = "company_name";
    public const string MachineSerial = "machine_serial";
    public const string MachineModel = "machine_model";

    /// <summary>The IdP session an ID token belongs to (Back-Channel Logout 1.0).</summary>
    public const string SessionId = "sid";

    /// <summary>Every customer is in Japan.</summary>
    public const string ZoneInfo = "Asia/Tokyo";
}
