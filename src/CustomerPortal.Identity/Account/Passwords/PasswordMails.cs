using CustomerPortal.Identity.Activation;
using CustomerPortal.Identity.Data;
using CustomerPortal.Identity.Mail;
using CustomerPortal.Identity.Registration;
using Microsoft.Extensions.Options;

namespace CustomerPortal.Identity.Account.Passwords;

/// <summary>
/// The password mails, one method each, knowing its template and model (the shape of
/// <see cref="ActivationMails"/>); queued in the caller's unit of work.
/// </summary>
public sealed class PasswordMails(MailOutbox outbox, LinkAddress addresses, IOptions<RegistrationOptions> options)
{
    public const string ResetLinkTemplate = "password-reset";

    /// <summary>The single-use reset link ("Forgot your password?").</summary>
    public void ResetLink(PortalUser user, string token) =>
        outbox.Enqueue(ResetLinkTemplate, user, new Dictionary<string, object?>
        {
            ["name"] = user.DisplayName,
            ["link"] = addresses.For($"account/reset-password?token={token}", user.Locale),
            ["minutes"] = (int)options.Value.ResetPasswordLinkLifetime.TotalMinutes,
        });

    /// <summary>After a reset or a change: whoever did not do it can reset the password at once.</summary>
    public void Changed(PortalUser user) =>
        outbox.Enqueue("password-changed", user, new Dictionary<string, object?>
        {
            ["name"] = user.DisplayName,
            ["reset_url"] = addresses.For("account/forgot-password", user.Locale),
        });
}
