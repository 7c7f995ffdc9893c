using CustomerPortal.Identity.Data;
using CustomerPortal.ServiceDefaults.Mail;

namespace CustomerPortal.Identity.Mail;

/// <summary>
/// Renders one of the theme's email templates and queues it in the caller's unit of work (see
/// <see cref="MailQueue"/>): it is delivered only once the change that caused it is committed.
/// A mail to a user greets them as their company's contact (<see cref="MailComposer.RecipientCompany"/>).
/// </summary>
public sealed class MailOutbox(MailComposer composer, MailQueue queue, PortalDbContext db)
{
    public OutboxMessage Enqueue(string template, PortalUser user, IReadOnlyDictionary<string, object?> model) =>
        Enqueue(template, user, user.Email!, model);

    /// <summary>A mail about <paramref name="user"/> to another of their addresses (a new address to be verified).</summary>
    public OutboxMessage Enqueue(string template, PortalUser user, string recipient, IReadOnlyDictionary<string, object?> model) =>
        Enqueue(template, recipient, user.Locale, new Dictionary<string, object?>(model) { [MailComposer.RecipientCompany] = CompanyOf(user) }, user.Id);

    /// <summary>A mail as the model says, greeting no company unless the model names one (<see cref="MailComposer.RecipientCompany"/>).</summary>
    public OutboxMessage Enqueue(string template, string recipient, string language, IReadOnlyDictionary<string, object?> model, string? userId = null)
    {
        var mail = composer.Compose(template, language, model);
        return queue.Add(template, recipient, mail.Subject, mail.TextBody, mail.HtmlBody, userId);
    }

    /// <summary>
    /// The company as staff set it up (its English name in English mails, when it has one), as the
    /// apps are told; before that, what the user typed at sign-up.
    /// </summary>
    private string CompanyOf(PortalUser user)
    {
        // Find looks at what this unit of work already holds first; the mail is queued in a
        // synchronous step of the caller's transaction, so the one lookup it may need is synchronous too.
        var company = user.CompanyId is { } id ? db.Companies.Find(id) : null;
        return company is null ? user.CompanyName
            : user.Locale == "en" && !string.IsNullOrWhiteSpace(company.NameEn) ? company.NameEn
            : company.Name;
    }
}
