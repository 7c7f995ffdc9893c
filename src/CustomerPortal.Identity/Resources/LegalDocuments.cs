using CustomerPortal.Identity.Theming;

namespace CustomerPortal.Identity.Resources;

/// <summary>A legal document in one language: the language it is written in and its blocks.</summary>
public sealed record LegalDocument(string Language, IReadOnlyList<GuideBlock> Blocks);

/// <summary>
/// The terms of use (利用規約) and the privacy policy (個人情報保護方針) that every page's footer links
/// to and the sign-up consent refers to, from themes/{theme}/resources/{terms|privacy}.{ja|en}.md:
/// a brand theme replaces them by shipping its own files. Read once at start-up, like the guide.
/// </summary>
public sealed class LegalDocuments
{
    public static readonly string[] Names = ["terms", "privacy"];

    private readonly Dictionary<(string Name, string Language), LegalDocument> _documents = [];

    public LegalDocuments(MessageBundle messages)
    {
        foreach (var name in Names)
        {
            foreach (var language in MessageBundle.Languages)
            {
                // A language the theme has not translated falls back to Japanese, the portal's first language.
                var found = new[] { language, MessageBundle.DefaultLanguage }
                    .SelectMany(candidate => messages.ThemeChain.Select(folder => (candidate, Path.Combine(folder, "resources", $"{name}.{candidate}.md"))))
                    .FirstOrDefault(file => File.Exists(file.Item2));
                if (found.Item2 is not null)
                {
                    _documents[(name, language)] = new LegalDocument(found.candidate, GuideDocument.Parse(File.ReadAllLines(found.Item2)));
                }
            }
        }
    }

    /// <summary>The document in the page's language, or null when the theme has none.</summary>
    public LegalDocument? Find(string name, string language) => _documents.GetValueOrDefault((name, language));
}
