using System.Globalization;
using CustomerPortal.Identity.Account;
using CustomerPortal.Identity.Activation;
using CustomerPortal.Identity.Data;
using CustomerPortal.Identity.Mail;
using Microsoft.Extensions.Options;

namespace CustomerPortal.Identity.Registration;

/// <summary>
/// The mails of a registration's arrival, one method each, knowing its template and model (the
/// shape of <see cref="ActivationMails"/>); queued in the caller's unit of work.
/// </summary>
public sealed class RegistrationMails(MailOutbox outbox, LinkAddress addresses, MessageBundle messages, IOptions<RegistrationOptions> options)
{
    public const string AlreadyRegisteredTemplate = "already-registered";

    /// <summary>The first of the guide's four mails: what was entered, and how long the review takes.</summary>
    public void Received(PortalUser user) => outbox.Enqueue("registration-received", user, Describe(user));

    /// <summary>To the owner of an address someone registered again: what they can do depends on where their account stands.</summary>
    public void AlreadyRegistered(PortalUser existing) =>
        outbox.Enqueue(AlreadyRegisteredTemplate, existing, new Dictionary<string, object?>
        {
            ["name"] = existing.DisplayName,
            ["sign_in_url"] = addresses.For("account/login", existing.Locale),
            ["stage"] = existing.Status switch
            {
                AccountStatus.PendingReview => "review",
                AccountStatus.Rejected => "rejected",
                _ when AccountLifecycle.PendingStep(existing) is not null => "activation",
                _ => "active",
            },
        });

    /// <summary>What was entered, in the registrant's language. Never a password.</summary>
    private Dictionary<string, object?> Describe(PortalUser user)
    {
        var culture = CultureInfo.GetCultureInfo(user.Locale);
        string Text(string key) => messages.Get(culture, key);
        return new Dictionary<string, object?>
        {
            ["name"] = user.DisplayName,
            ["company"] = user.CompanyName,
            ["department"] = user.Department,
            ["name_kana"] = PersonNames.Compose(user.FamilyNameKana, user.GivenNameKana, user.Locale),
            // The two parts as well, for themes whose template still puts them together itself.
            ["family_name_kana"] = user.FamilyNameKana,
            ["given_name_kana"] = user.GivenNameKana,
            ["email"] = user.Email,
            ["phone"] = user.PhoneNumber,
            // One order and one script in either language: as the address is written in Japan, with the
            // prefecture's Japanese name, like the address claim and the documents.
            ["address"] = JapaneseAddress(user.Address),
            ["postal_code"] = user.Address.PostalCode,
            ["prefecture"] = Text($"prefecture.{user.Address.Prefecture}"),
            ["city"] = user.Address.City,
            ["street"] = user.Address.Street,
            ["building"] = user.Address.Building,
            ["serial"] = user.RegisteredSerial,
            ["roles"] = user.RequestedRoles.Select(r => Text($"role.{r.Role}.label")).ToList(),
            ["language"] = Text($"language.{user.Locale}"),
            ["news_by_email"] = Text(user.ProductNewsByEmail ? "common.yes" : "common.no"),
            ["news_by_phone"] = Text(user.ProductNewsByPhone ? "common.yes" : "common.no"),
            ["business_days"] = options.Value.ReviewBusinessDays,
            // Without staff review (Registration:RequireApproval false) the next mail follows at once.
            ["review"] = options.Value.RequireApproval,
        };
    }

    private string JapaneseAddress(PostalAddress address)
    {
        var prefecture = messages.Get(CultureInfo.GetCultureInfo("ja"), $"prefecture.{address.Prefecture}");
        return $"〒{address.PostalCode} {prefecture}{address.City}{address.Street} {address.Building}".TrimEnd();
    }
}
