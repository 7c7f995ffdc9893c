using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.WebUtilities;

namespace CustomerPortal.Identity.Theming;

/// <summary>
/// Applies the OpenID Connect `ui_locales` parameter (space-separated, in order of preference) to
/// the page, whether it is on the request itself (the authorization endpoint) or inside the
/// ReturnUrl of the sign-in page that the authorization endpoint redirected to.
/// </summary>
public sealed class UiLocalesCultureProvider : RequestCultureProvider
{
    public const string Parameter = "ui_locales";

    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        var uiLocales = Find(httpContext.Request.Query);
        var supported = uiLocales?
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(tag => tag.Split('-')[0].ToLowerInvariant())
            .FirstOrDefault(language => MessageBundle.Languages.Contains(language));
        return Task.FromResult(supported is null ? null : new ProviderCultureResult(supported));
    }

    private static string? Find(IQueryCollection query)
    {
        if (query.TryGetValue(Parameter, out var direct) && direct.Count == 1)
        {
            return direct[0];
        }
        if (query.TryGetValue("ReturnUrl", out var returnUrl) && returnUrl.Count == 1 && returnUrl[0] is { } url)
        {
            var queryStart = url.IndexOf('?');
            if (queryStart >= 0 && QueryHelpers.ParseQuery(url[queryStart..]).TryGetValue(Parameter, out var nested) && nested.Count == 1)
            {
                return nested[0];
            }
        }
        return null;
    }
}
