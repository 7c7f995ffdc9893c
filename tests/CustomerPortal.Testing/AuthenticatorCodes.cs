using OtpNet;

namespace CustomerPortal.Testing;

/// <summary>What an authenticator app shows: the RFC 6238 code of a base32 key at a moment (as `oathtool --totp -b KEY`).</summary>
public static class AuthenticatorCodes
{
    /// <summary>The key as the setup page writes it (lower case, in groups of four), as an app takes it.</summary>
    public static string KeyFromPage(string grouped) => grouped.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();

    public static string At(string key, DateTimeOffset moment) => new Totp(Base32Encoding.ToBytes(key)).ComputeTotp(moment.UtcDateTime);
}
