using System.Text.RegularExpressions;
using CustomerPortal.Identity.Data;
using Microsoft.AspNetCore.Identity;
using OtpNet;
using QRCoder;

namespace CustomerPortal.Identity.Account.SecondFactor;

/// <summary>
/// Authenticator-app codes (RFC 6238: 30-second steps, 6 digits, SHA-1, as every app reads them).
/// The key is Identity's (<see cref="UserManager{TUser}.GetAuthenticatorKeyAsync"/>); the check is
/// done here rather than by Identity's provider because that one accepts two steps of drift
/// either side and the same code again: here one step either side, and each step once.
/// </summary>
/// <summary>What the authenticator setup shows (<c>_AuthenticatorSetup.cshtml</c>).</summary>
public sealed record AuthenticatorSetupView(string QrCodeSvg, string GroupedKey, string? ErrorKey = null)
{
    /// <summary>The QR code and the key in groups; the app will show <paramref name="issuer"/> and the address.</summary>
    public static AuthenticatorSetupView For(string issuer, string email, string key, string? errorKey = null) =>
        new(AuthenticatorApp.QrCodeSvg(AuthenticatorApp.OtpAuthUri(issuer, email, key)), AuthenticatorApp.Grouped(key), errorKey);
}

public sealed partial class AuthenticatorApp(UserManager<PortalUser> users, TimeProvider clock)
{
    private static readonly VerificationWindow OneStepOfDrift = new(previous: 1, future: 1);

    /// <summary>
    /// The user's key, made when there is none yet (it is used only once the first code confirms
    /// it). Making one changes the security stamp (Identity's doing): <c>Created</c> tells the
    /// caller to re-issue the cookie it is serving.
    /// </summary>
    public async Task<(string Key, bool Created)> KeyOfAsync(PortalUser user)
    {
        if (await users.GetAuthenticatorKeyAsync(user) is { Length: > 0 } key)
        {
            return (key, false);
        }
        await users.ResetAuthenticatorKeyAsync(user);
        return ((await users.GetAuthenticatorKeyAsync(user))!, true);
    }


    /// <summary>
    /// Whether <paramref name="code"/> is the code of the current step or the one either side, and of
    /// a later step than any accepted before; an accepted step is stored at once, so a second use
    /// (even by a request racing this one: the update checks the concurrency stamp) is refused.
    /// </summary>
    public async Task<bool> VerifyAsync(PortalUser user, string? code)
    {
        var digits = Normalize(code);
        if (digits.Length != 6 || !digits.All(char.IsAsciiDigit) || await users.GetAuthenticatorKeyAsync(user) is not { Length: > 0 } key)
        {
            return false;
        }
        var totp = new Totp(Base32Encoding.ToBytes(key));
        if (!totp.VerifyTotp(clock.GetUtcNow().UtcDateTime, digits, out var step, OneStepOfDrift)
            || (user.LastAuthenticatorStep is { } last && step <= last))
        {
            return false;
        }
        user.LastAuthenticatorStep = step;
        return (await users.UpdateAsync(user)).Succeeded;
    }

    /// <summary>The otpauth URI the QR code carries: the app shows the portal's name and the address.</summary>
    public static string OtpAuthUri(string issuer, string email, string key) =>
        $"otpauth://totp/{Uri.EscapeDataString(issuer)}:{Uri.EscapeDataString(email)}?secret={key}&issuer={Uri.EscapeDataString(issuer)}&digits=6&period=30";

    /// <summary>The QR code as SVG, drawn here: the key never leaves the server for a chart service.</summary>
    public static string QrCodeSvg(string uri)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(5);
    }

    /// <summary>The key in groups of four, for typing it into an app by hand.</summary>
    public static string Grouped(string key) => string.Join(' ', key.Chunk(4).Select(chunk => new string(chunk)).ToArray()).ToLowerInvariant();

    /// <summary>What was typed, without the spaces or hyphens apps show in the middle, full-width digits made half-width.</summary>
    public static string Normalize(string? code) =>
        Separators().Replace((code ?? "").Normalize(System.Text.NormalizationForm.FormKC), "");

    [GeneratedRegex(@"[\s\-]")]
    private static partial Regex Separators();
}
