using CustomerPortal.Identity.Data;
using CustomerPortal.Identity.Mail;
using CustomerPortal.Identity.Registration;
using Microsoft.Extensions.Options;

namespace CustomerPortal.Identity.Activation;

/// <summary>
/// The mails of the account's lifecycle after registration, one method each: it knows its
/// template and what the template is given (links below the public origin, in the recipient's
/// language). Each is queued in the caller's unit of work; <see cref="AccountLifecycle"/> decides when.
/// </summary>
public sealed class ActivationMails(MailOutbox outbox, LinkAddress addresses, IOptions<RegistrationOptions> options)
{
    public const string VerifyEmailTemplate = "verify-email";
    public const string SetPasswordTemplate = "set-password";

    /// <summary>Step 1/3: the link that verifies the address.</summary>
    public void VerifyEmail(PortalUser user, string token) =>
        outbox.Enqueue(VerifyEmailTemplate, user, new Dictionary<string, object?>
        {
            ["name"] = user.DisplayName,
            ["link"] = addresses.For($"account/verify-email?token={token}", user.Locale),
            ["hours"] = (int)options.Value.VerifyEmailLinkLifetime.TotalHours,
        });

    /// <summary>Step 2/3: the link that sets the first password.</summary>
    public void SetPassword(PortalUser user, string token) =>
        outbox.Enqueue(SetPasswordTemplate, user, new Dictionary<string, object?>
        {
            ["name"] = user.DisplayName,
            ["link"] = addresses.For($"account/set-password?token={token}", user.Locale),
            ["hours"] = (int)options.Value.SetPasswordLinkLifetime.TotalHours,
        });

    /// <summary>Step 3/3: after the first sign-in.</summary>
    public void ActivationComplete(PortalUser user) =>
        outbox.Enqueue("activation-complete", user, new Dictionary<string, object?>
        {
            ["name"] = user.DisplayName,
            ["sign_in_url"] = addresses.For("account/login", user.Locale),
        });

    /// <summary>The reviewer's reason for turning the registration down.</summary>
    public void Rejected(PortalUser user, string reason) =>
        outbox.Enqueue("registration-rejected", user, new Dictionary<string, object?>
        {
            ["name"] = user.DisplayName,
            ["reason"] = reason,
        });
}
