using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Encodings.Web;
using CustomerPortal.Identity.Theming;
using CustomerPortal.ServiceDefaults.Hosting;
using Fluid;

namespace CustomerPortal.Identity.Mail;

/// <summary>A rendered email: subject from the message bundle, bodies from the theme's templates.</summary>
public sealed record ComposedMail(string Subject, string HtmlBody, string TextBody);

/// <summary>
/// Renders themes/{theme}/email/{language}/{template}.html and .txt (Liquid, via Fluid), looked up
/// through the theme chain like every other theme file. Values are HTML-encoded in the HTML part.
/// </summary>
public sealed class MailComposer(MessageBundle messages)
{
    private static readonly FluidParser Parser = new();

    // Encodes what HTML needs encoded and leaves Japanese readable in the message source.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);
    private readonly ConcurrentDictionary<string, IFluidTemplate> _templates = new();

    public ComposedMail Compose(string template, string language, IReadOnlyDictionary<string, object?> model)
    {
        var culture = CultureInfo.GetCultureInfo(language);
        var portal = messages.Get(culture, "portal.name");
        var values = new Dictionary<string, object?>(model) { ["portal"] = portal };
        return new ComposedMail(
            messages.Get(culture, $"mail.{template}.subject", portal),
            Render(template, language, "html", values, Html),
            Render(template, language, "txt", values, NullEncoder.Default));
    }

    /// <summary>Every email template the theme chain offers in <paramref name="language"/>, for the preview.</summary>
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

        var context = new TemplateContext(new TemplateOptions { CultureInfo = CultureInfo.GetCultureInfo(language) });
        foreach (var (key, value) in values)
        {
            context.SetValue(key, value);
        }
        return parsed.Render(context, encoder);
    }
}
