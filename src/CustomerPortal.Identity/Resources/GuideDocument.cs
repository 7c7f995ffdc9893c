using System.Text.RegularExpressions;
using CustomerPortal.Identity.Theming;

namespace CustomerPortal.Identity.Resources;

public sealed record GuideBlock(string Kind, string Text);

/// <summary>
/// The customer's guide (新規登録・登録内容変更ガイド) served under リソース on the sign-in page,
/// from themes/{theme}/resources/guide.ja.md, as headings and paragraphs (text only, never raw HTML).
/// </summary>
public sealed partial class GuideDocument
{
    public GuideDocument(MessageBundle messages)
    {
        var file = messages.ThemeChain.Select(folder => Path.Combine(folder, "resources", "guide.ja.md")).FirstOrDefault(File.Exists);
        Blocks = file is null ? [] : Parse(File.ReadAllLines(file));
    }

    public IReadOnlyList<GuideBlock> Blocks { get; }

    /// <summary>Headings (#), list items (- ) and paragraphs of a theme's markdown document; markup is shown as its text.</summary>
    internal static List<GuideBlock> Parse(IEnumerable<string> lines)
    {
        var blocks = new List<GuideBlock>();
        foreach (var raw in lines)
        {
            var line = Markup().Replace(raw, m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Success ? m.Groups[2].Value : m.Groups[3].Value)
                .Replace("\\", "").Trim();
            if (line.Length == 0 || line.StartsWith('|'))
            {
                continue;
            }
            var heading = line.TakeWhile(c => c == '#').Count();
            if (heading > 0)
            {
                blocks.Add(new GuideBlock(heading switch { 1 => "h1", 2 => "h2", _ => "h3" }, line[heading..].Trim()));
            }
            else if (line.StartsWith("- ", StringComparison.Ordinal))
            {
                blocks.Add(new GuideBlock("li", line[2..].TrimStart('・').Trim()));
            }
            else
            {
                blocks.Add(new GuideBlock("p", line));
            }
        }
        return blocks;
    }

    // **bold**, [text](link) and <link> are shown as their text.
    [GeneratedRegex(@"\*\*(.+?)\*\*|\[([^\]]*)\]\([^)]*\)|<([^>]*)>")]
    private static partial Regex Markup();
}
