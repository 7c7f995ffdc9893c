using System.Globalization;
using CustomerPortal.Support.Data;
using CustomerPortal.Support.Inquiries;
using CustomerPortal.Support.Shared;

namespace CustomerPortal.Support.Mail;

/// <summary>
/// The support app's emails, in the language the customer wrote in, worded in the theme's
/// message bundle. They are queued in the same unit of work as the change that causes them.
/// </summary>
public sealed class SupportMails(
    SupportDbContext db, MessageBundle messages, SupportContent content,
    Microsoft.Extensions.Options.IOptions<AppLinks> links, TimeProvider clock)
{
    /// <summary>お問い合わせを受け付けました: what was sent, and where to follow it.</summary>
    public void QueueAcknowledgement(Inquiry inquiry)
    {
        var culture = CultureInfo.GetCultureInfo(inquiry.Language);
        string T(string key, params object?[] arguments) => messages.Get(culture, key, arguments);
        var category = content.Category(inquiry.Category)?.Name(inquiry.Language) ?? inquiry.Category;
        Queue(inquiry.Email, T("support.mail.ack.subject", T("portal.name"), inquiry.Number), string.Join("\n",
            T("support.mail.greeting", inquiry.CustomerName),
            "",
            T("support.mail.ack.intro"),
            "",
            $"{T("support.form.number")}: {inquiry.Number}",
            $"{T("support.form.category")}: {category}",
            $"{T("support.form.subject")}: {inquiry.Subject}",
            $"{T("support.form.details")}:",
            inquiry.Messages[0].Body,
            "",
            T("support.mail.history", links.Value.InquiryHistory),
            "",
            T("support.mail.footer", T("portal.name"))));
    }

    /// <summary>A staff reply is waiting in the inquiry history.</summary>
    public void QueueReplyNotice(Inquiry inquiry)
    {
        var culture = CultureInfo.GetCultureInfo(inquiry.Language);
        string T(string key, params object?[] arguments) => messages.Get(culture, key, arguments);
        Queue(inquiry.Email, T("support.mail.reply.subject", T("portal.name"), inquiry.Number), string.Join("\n",
            T("support.mail.greeting", inquiry.CustomerName),
            "",
            T("support.mail.reply.intro", inquiry.Subject),
            "",
            T("support.mail.history", new Uri(new Uri(links.Value.InquiryHistory + "/"), inquiry.Number)),
            "",
            T("support.mail.footer", T("portal.name"))));
    }

    private void Queue(string to, string subject, string body)
    {
        var now = clock.GetUtcNow().ToUniversalTime();
        db.OutgoingMails.Add(new OutgoingMail { Id = Guid.NewGuid(), To = to, Subject = subject, Body = body, CreatedAt = now, NextAttemptAt = now });
    }
}
