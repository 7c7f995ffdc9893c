namespace CustomerPortal.Identity.Home;

/// <summary>Configuration section "Apps": where the relying apps live, for the home page's quick actions and the Help menu.</summary>
public sealed class AppLinks
{
    public const string Section = "Apps";

    /// <summary>The supplies ordering app (role supplies-buyer).</summary>
    public Uri Ordering { get; set; } = new("http://localhost:5102/");

    /// <summary>The support app: contact form, inquiry history, FAQ by product.</summary>
    public Uri Support { get; set; } = new("http://localhost:5103/");

    public string ContactForm => new Uri(Support, "inquiries/new").ToString();
    public string InquiryHistory => new Uri(Support, "inquiries").ToString();
    public string Faq => new Uri(Support, "faq").ToString();
}
