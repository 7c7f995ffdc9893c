using CustomerPortal.Identity.Activation;
using CustomerPortal.Identity.Data;
using CustomerPortal.Identity.Mail;

namespace CustomerPortal.Identity.Account;

/// <summary>
/// The mails of an email change, one method each, knowing its template and model (the shape of
/// <see cref="ActivationMails"/>); queued in the caller's unit of work.
/// </summary>
public sealed class EmailChangeMails(MailOutbox outbox, LinkAddress addresses)
{
    public const string VerifyNewAddressTemplate = "email-change-verify";

    /// <summary>To the new address: the link that proves it and makes it the sign-in address.</summary>
    public void VerifyNewAddress(PortalUser user, string newEmail, string token) =>
        outbox.Enqueue(VerifyNewAddressTemplate, user, newEmail, new Dictionary<string, object?>
        {
            ["name"] = user.DisplayName,
            ["link"] = addresses.For($"account/confirm-email?token={token}", user.Locale),
            ["new_email"] = newEmail,
        });

    /// <summary>To the current address: a change was asked for, and to which address.</summary>
    public void Notice(PortalUser user, string newEmail) =>
        outbox.Enqueue("email-change-notice", user, new Dictionary<string, object?>
        {
            ["name"] = user.DisplayName,
            ["new_email"] = newEmail,
        });
}
