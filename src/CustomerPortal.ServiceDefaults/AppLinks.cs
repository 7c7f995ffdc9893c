namespace CustomerPortal.ServiceDefaults;

/// <summary>
/// Configuration section "Apps": where the three parts of the portal live, so each can link to
/// the others (the IdP's quick actions and Help menu, the apps' user menu, every footer).
/// </summary>
public sealed class AppLinks
{
    public const string Section = "Apps";

    /// <summary>The IdP: sign-in, account settings, staff console.</summary>
    public Uri Identity { get; set; } = new("http://localhost:5101/");

    /// <summary>The supplies ordering app (role supplies-buyer).</summary>
    public Uri Ordering { get; set; } = new("http://localhost:5102/");

    /// <summary>The support app: contact form, inquiry history, FAQ by product.</summary>
    public Uri Support { get; set; } = new("http://localhost:5103/");

    public string AccountSettings => new Uri(Identity, "account/settings").ToString();
    public string ChangePassword => new Uri(Identity, "account/password").ToString();
    public string Catalog => new Uri(Ordering, "catalog").ToString();
    public string OrderHistory => new Uri(Ordering, "orders").ToString();
    public string ContactForm => new Uri(Support, "inquiries/new").ToString();
    public string InquiryHistory => new Uri(Support, "inquiries").ToString();
    public string Faq => new Uri(Support, "faq").ToString();

    /// <summary>
    /// A link to another part of the portal that opens it in <paramref name="language"/>, the language of
    /// the page the link is on (OpenID Connect's ui_locales, which the IdP and the apps both read), so
    /// that moving between the parts never changes the language the user sees.
    /// </summary>
    public static string InLanguage(string url, string language) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(url, "ui_locales", language);

    public static string InLanguage(Uri url, string language) => InLanguage(url.ToString(), language);

    /// <summary>The terms of use and the privacy policy, which the IdP serves from the theme.</summary>
    public string Terms => new Uri(Identity, "resources/terms").ToString();
    public string Privacy => new Uri(Identity, "resources/privacy").ToString();
}
