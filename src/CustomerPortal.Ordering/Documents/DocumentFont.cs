using CustomerPortal.ServiceDefaults.Hosting;
using SkiaSharp;

namespace CustomerPortal.Ordering.Documents;

/// <summary>
/// The typeface PDFs are drawn with: fonts/document.otf from the theme (the base theme ships a
/// subset of Noto Sans JP, SIL Open Font License), so a fresh machine needs no font installed and
/// a brand theme can bring its own.
/// </summary>
public sealed class DocumentFont : IDisposable
{
    public const string RelativePath = "fonts/document.otf";

    public DocumentFont(MessageBundle messages)
    {
        var file = messages.ThemeChain.Select(folder => Path.Combine(folder, RelativePath)).FirstOrDefault(File.Exists)
            ?? throw new ConfigurationException($"No theme in {string.Join(", ", messages.ThemeChain)} has {RelativePath}.");
        Typeface = SKTypeface.FromFile(file) ?? throw new ConfigurationException($"{file} is not a font SkiaSharp can read.");
    }

    public SKTypeface Typeface { get; }

    public void Dispose() => Typeface.Dispose();
}
