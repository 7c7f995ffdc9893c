using System.Globalization;
using CustomerPortal.ServiceDefaults.Theming;

namespace CustomerPortal.ServiceDefaults.Mail;

/// <summary>
/// How every mail of the portal opens, whichever part sends it: to a company's contact, the
/// company on a line of its own, then the person (「株式会社サンプル商事」「ご担当者 山田 花子 様」; in
/// English the company, then "Dear Hanako Yamada,"); to someone without a company, the person alone.
/// The words are the message bundle's (<c>mail.greeting</c>, <c>mail.greeting.contact</c>).
/// </summary>
/// <param name="Company">The company line; empty when the recipient has none.</param>
/// <param name="Addressee">The line that names the person.</param>
public sealed record MailGreeting(string Company, string Addressee)
{
    /// <param name="name">The person's name, already put in the mail's language order.</param>
    public static MailGreeting For(MessageBundle messages, CultureInfo culture, string? company, string name)
    {
        var line = company?.Trim() ?? "";
        return new(line, messages.Get(culture, line.Length == 0 ? "mail.greeting" : "mail.greeting.contact", name));
    }

    /// <summary>The greeting as lines of a plain-text mail.</summary>
    public IEnumerable<string> Lines => Company.Length == 0 ? [Addressee] : [Company, Addressee];
}
