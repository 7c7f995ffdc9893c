using System.Globalization;
using CustomerPortal.ServiceDefaults.Theming;

namespace CustomerPortal.ServiceDefaults.Mail;

/// <summary>
/// What ends every mail of the portal, whichever part sends it: the portal's name and address, the
/// desk customers write to with its address, and that the sender's address takes no replies. The
/// words are the message bundle's (<c>mail.signature.*</c>); the desk is <c>portal.contact.name</c>
/// and <c>portal.contact.email</c>, which a deployment sets (Portal:Contact:Name:ja|en, Portal:Contact:Email).
/// </summary>
/// <param name="Contact">The desk and its address, in one line.</param>
/// <param name="SendOnly">The notice that replies to this address are not read.</param>
public sealed record MailSignature(string Portal, string Url, string ContactName, string ContactEmail, string Contact, string SendOnly)
{
    /// <summary>The line that sets the signature apart from the body in a plain-text mail.</summary>
    public const string Rule = "----------------------------------------";

    /// <param name="portalUrl">Where the portal is reached: the IdP's public address.</param>
    public static MailSignature For(MessageBundle messages, CultureInfo culture, Uri portalUrl)
    {
        var name = messages.Get(culture, MessageBundle.ContactNameKey);
        var email = messages.Get(culture, MessageBundle.ContactEmailKey);
        return new(
            messages.Get(culture, MessageBundle.PortalNameKey),
            portalUrl.ToString(),
            name,
            email,
            messages.Get(culture, "mail.signature.contact", name, email),
            messages.Get(culture, "mail.signature.sendOnly"));
    }

    /// <summary>The signature as the last lines of a plain-text mail.</summary>
    public IEnumerable<string> Lines => [Rule, Portal, Url, Contact, SendOnly];
}
