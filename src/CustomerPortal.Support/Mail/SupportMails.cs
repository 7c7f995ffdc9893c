using System.Globalization;
using CustomerPortal.ServiceDefaults.Mail;
using CustomerPortal.Support.Inquiries;
using CustomerPortal.Support.Shared;

namespace CustomerPortal.Support.Mail;

/// <summary>
/// The support app's emails, in the language the customer wrote in, worded in the theme's
/// message bundle, as plain text. They open and end as the IdP's mails do (<see cref="MailGreeting"/>
/// to the company's contact, <see cref="MailSignature"/>). They are queued in the same unit of work
/// as the change that causes them, in the shared outbox (see <see cref="MailQueue"/>).
/// </summary>
public sealed class SupportMails(MailQueue queue, MessageBundle messages, SupportContent content, Microsoft.Extensions.Options.IOptions<AppLinks> links)
{
    public const string AcknowledgementTemplate = "inquiry-acknowledgement";
    public const string ReplyNoticeTemplate = "inquiry-reply";

    /// <summary>お問い合わせを受け付けました: what was sent, and where to follow it.</summary>
    public void QueueAcknowledgement(Inquiry inquiry)
    {
        var culture = CultureInfo.GetCultureInfo(inquiry.Language);
        string T(string key, params object?[] arguments) => messages.Get(culture, key, arguments);
        var category = content.Category(inquiry.Category)?.Name(inquiry.Language) ?? inquiry.Category;
        Queue(AcknowledgementTemplate, inquiry, T("support.mail.ack.subject", T("portal.name"), inquiry.Number), Letter(inquiry, culture,
            T("support.mail.ack.intro"),
            "",
            $"{T("support.form.number")}: {inquiry.Number}",
            $"{T("support.form.category")}: {category}",
            $"{T("support.form.subject")}: {inquiry.Subject}",
            $"{T("support.form.details")}:",
            inquiry.Messages[0].Body,
            "",
            T("support.mail.history", links.Value.InquiryHistory)));
    }

    /// <summary>A staff reply is waiting in the inquiry history.</summary>
    public void QueueReplyNotice(Inquiry inquiry)
    {
        var culture = CultureInfo.GetCultureInfo(inquiry.Language);
        string T(string key, params object?[] arguments) => messages.Get(culture, key, arguments);
        Queue(ReplyNoticeTemplate, inquiry, T("support.mail.reply.subject", T("portal.name"), inquiry.Number), Letter(inquiry, culture,
            T("support.mail.reply.intro", inquiry.Subject),
            "",
            T("support.mail.history", new Uri(new Uri(links.Value.InquiryHistory + "/"), inquiry.Number))));
    }

    /// <summary>The body between the greeting of the customer (as their company's contact) and the portal's signature.</summary>
    private string Letter(Inquiry inquiry, CultureInfo culture, params string[] body) => string.Join("\n",
        [
            .. MailGreeting.For(messages, culture, inquiry.CompanyName, inquiry.CustomerName).Lines,
            "",
            .. body,
            "",
            .. MailSignature.For(messages, culture, links.Value.Identity).Lines,
        ]);

    private void Queue(string template, Inquiry inquiry, string subject, string body) =>
        queue.Add(template, inquiry.Email, subject, textBody: body, userId: inquiry.UserId);
}
