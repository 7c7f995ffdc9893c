using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Encodings.Web;
using CustomerPortal.Identity.Security;
using CustomerPortal.Identity.Theming;
using CustomerPortal.ServiceDefaults.Hosting;
using CustomerPortal.ServiceDefaults.Mail;
using Fluid;

namespace CustomerPortal.Identity.Mail;

/// <summary>A rendered email: subject from the message bundle, bodies from the theme's templates.</summary>
public sealed record ComposedMail(string Subject, string HtmlBody, string TextBody);

/// <summary>
/// Renders themes/{theme}/email/{language}/{template}.html and .txt (Liquid, via Fluid), looked up
/// through the theme chain like every other theme file. Values are HTML-encoded in the HTML part.
/// </summary>
/// <remarks>
/// Every mail opens and ends the same way: its templates include the theme's partials
/// <c>parts/greeting.{html,txt}</c> and <c>parts/signature.{html,txt}</c> (<c>{% include "parts/signature.txt" %}</c>),
/// found through the theme chain as well. The composer gives them their values, from the bundle and
/// the settings, so no template copies the signature's words: <c>greeting_company</c> and
/// <c>greeting</c> (<see cref="MailGreeting"/>, from the model's <c>name</c> and <see cref="RecipientCompany"/>),
/// <c>portal_url</c>, <c>contact_name</c>, <c>contact_email</c>, <c>signature_contact</c> and
/// <c>signature_send_only</c> (<see cref="MailSignature"/>), besides <c>portal</c>.
/// </remarks>
public sealed class MailComposer(MessageBundle messages, PublicOrigin origin)
{
    /// <summary>The model's value for the company of the person the mail is to; none or empty for someone without one.</summary>
    public const string RecipientCompany = "recipient_company";

    private static readonly FluidParser Parser = new();

    // Encodes what HTML needs encoded and leaves Japanese readable in the message source.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);
    private readonly ConcurrentDictionary<string, IFluidTemplate> _templates = new();
    private readonly ConcurrentDictionary<string, TemplateOptions> _options = new();

    public ComposedMail Compose(string template, string language, IReadOnlyDictionary<string, object?> model)
    {
        var culture = CultureInfo.GetCultureInfo(language);
        var portal = messages.Get(culture, "portal.name");
        var greeting = MailGreeting.For(
            messages, culture, model.GetValueOrDefault(RecipientCompany) as string, model.GetValueOrDefault("name") as string ?? "");
        var signature = MailSignature.For(messages, culture, origin.Value);
        var values = new Dictionary<string, object?>(model)
        {
            ["portal"] = portal,
            ["greeting_company"] = greeting.Company,
            ["greeting"] = greeting.Addressee,
            ["portal_url"] = signature.Url,
            ["contact_name"] = signature.ContactName,
            ["contact_email"] = signature.ContactEmail,
            ["signature_contact"] = signature.Contact,
            ["signature_send_only"] = signature.SendOnly,
        };
        return new ComposedMail(
            messages.Get(culture, $"mail.{template}.subject", portal),
            Render(template, language, "html", values, Html),
            Render(template, language, "txt", values, NullEncoder.Default));
    }

    /// <summary>Every email template the theme chain offers in <paramref name="language"/>, for the preview (not the partials in parts/).</summary>
    public IReadOnlyList<string> Templates(string language) =>
        [.. messages.ThemeChain
            .Select(folder => Path.Combine(folder, "email", language))
            .Where(Directory.Exists)
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*.html"))
            .Select(Path.GetFileNameWithoutExtension)
            .OfType<string>()
            .Distinct()
            .Order(StringComparer.Ordinal)];

    private string Render(string template, string language, string extension, Dictionary<string, object?> values, TextEncoder encoder)
    {
        var path = messages.ThemeChain
            .Select(folder => Path.Combine(folder, "email", language, $"{template}.{extension}"))
            .FirstOrDefault(File.Exists)
            ?? throw new ConfigurationException($"No email template {language}/{template}.{extension} in the theme.");
        var parsed = _templates.GetOrAdd(path, file =>
            Parser.TryParse(File.ReadAllText(file), out var result, out var error)
                ? result
                : throw new ConfigurationException($"Email template {file} is invalid: {error}"));

        var options = _options.GetOrAdd(language, _ => new TemplateOptions
        {
            CultureInfo = CultureInfo.GetCultureInfo(language),
            FileProvider = new ThemeEmailFiles(messages.ThemeChain, language),
        });
        var context = new TemplateContext(options);
        foreach (var (key, value) in values)
        {
            context.SetValue(key, value);
        }
        return parsed.Render(context, encoder);
    }
}
