using CustomerPortal.Identity.Security;

namespace CustomerPortal.Identity.Activation;

/// <summary>Absolute URLs for emails, always below the configured public origin (never the request's host).</summary>
public sealed class LinkAddress(PublicOrigin origin)
{
    /// <summary>
    /// A link for a mail to someone: the page it opens speaks the recipient's language (ui_locales),
    /// whichever browser or device opens it.
    /// </summary>
    public string For(string pathAndQuery, string recipientLanguage) =>
        For(Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(pathAndQuery, Theming.UiLocalesCultureProvider.Parameter, recipientLanguage));

    public string For(string pathAndQuery) => new Uri(origin.Value, pathAndQuery).ToString();
}
