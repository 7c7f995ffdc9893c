using System.Text.RegularExpressions;
using MimeKit;

namespace CustomerPortal.Testing;

public static partial class MailLinks
{
    /// <summary>The first link to <paramref name="path"/> in the plain-text part, as a path and query for the test client.</summary>
    public static string Find(MimeMessage message, string path)
    {
        var match = LinkPattern().Matches(message.TextBody ?? "").Select(m => new Uri(m.Value)).FirstOrDefault(uri => uri.AbsolutePath == path)
            ?? throw new InvalidOperationException($"No link to {path} in \"{message.Subject}\":\n{message.TextBody}");
        Assert.Contains(match.ToString(), System.Net.WebUtility.HtmlDecode(message.HtmlBody)); // the HTML part carries the same link
        return match.PathAndQuery;
    }

    [GeneratedRegex(@"https?://[^\s<>""]+")]
    private static partial Regex LinkPattern();
}
