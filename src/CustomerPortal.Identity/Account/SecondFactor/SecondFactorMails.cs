using CustomerPortal.Identity.Activation;
using CustomerPortal.Identity.Data;
using CustomerPortal.Identity.Mail;

namespace CustomerPortal.Identity.Account.SecondFactor;

/// <summary>
/// The notice after every change to a user's second factors, so that whoever did not make the
/// change learns of it at once; one template, the change named by <see cref="Change"/>.
/// </summary>
public sealed class SecondFactorMails(MailOutbox outbox, LinkAddress addresses)
{
    public const string Template = "second-factor-notice";

    public static class Change
    {
        public const string AuthenticatorOn = "authenticator-on";
        public const string AuthenticatorOff = "authenticator-off";
        public const string RecoveryCodesRenewed = "recovery-codes-renewed";
        public const string RecoveryCodeUsed = "recovery-code-used";
        public const string ResetByStaff = "reset-by-staff";
        public const string PasskeyAdded = "passkey-added";
        public const string PasskeyRemoved = "passkey-removed";
    }

    /// <param name="change">One of <see cref="Change"/>.</param>
    public void Notice(PortalUser user, string change, int? recoveryCodesLeft = null, string? passkeyName = null) =>
        outbox.Enqueue(Template, user, new Dictionary<string, object?>
        {
            ["name"] = user.DisplayName,
            ["change"] = change,
            ["codes_left"] = recoveryCodesLeft,
            ["passkey_name"] = passkeyName,
            ["security_url"] = addresses.For("account/security", user.Locale),
            ["reset_url"] = addresses.For("account/forgot-password", user.Locale),
        });
}
