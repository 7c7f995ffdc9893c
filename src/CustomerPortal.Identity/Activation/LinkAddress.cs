using CustomerPortal.Identity.Connect;
using Microsoft.Extensions.Options;

namespace CustomerPortal.Identity.Activation;

/// <summary>Absolute URLs for emails: the configured public origin, else the issuer, else the request's own address.</summary>
public sealed class LinkAddress(IOptions<RegistrationOptions> registration, IConfiguration configuration, IHttpContextAccessor http)
{
    /// <summary>
    /// A link for a mail to someone: the page it opens speaks the recipient's language (ui_locales),
    /// whichever browser or device opens it.
    /// </summary>
    public string For(string pathAndQuery, string recipientLanguage) =>
        For(Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(pathAndQuery, Theming.UiLocalesCultureProvider.Parameter, recipientLanguage));

    public string For(string pathAndQuery)
    {
        var origin = registration.Value.PublicOrigin
            ?? configuration.GetValue<Uri?>($"{ServerOptions.Section}:{nameof(ServerOptions.Issuer)}")
            ?? RequestOrigin();
        return new Uri(origin, pathAndQuery).ToString();
    }

    private Uri RequestOrigin()
    {
        var request = http.HttpContext?.Request
            ?? throw new InvalidOperationException($"Set {RegistrationOptions.Section}:PublicOrigin to build links outside a request.");
        return new Uri($"{request.Scheme}://{request.Host}{request.PathBase}/");
    }
}
