using CustomerPortal.Identity.Data;
using CustomerPortal.ServiceDefaults.Mail;

namespace CustomerPortal.Identity.Mail;

/// <summary>
/// Renders one of the theme's email templates and queues it in the caller's unit of work (see
/// <see cref="MailQueue"/>): it is delivered only once the change that caused it is committed.
/// </summary>
public sealed class MailOutbox(MailComposer composer, MailQueue queue)
{
    public OutboxMessage Enqueue(string template, PortalUser user, IReadOnlyDictionary<string, object?> model) =>
        Enqueue(template, user.Email!, user.Locale, model, user.Id);

    public OutboxMessage Enqueue(string template, string recipient, string language, IReadOnlyDictionary<string, object?> model, string? userId = null)
    {
        var mail = composer.Compose(template, language, model);
        return queue.Add(template, recipient, mail.Subject, mail.TextBody, mail.HtmlBody, userId);
    }
}
