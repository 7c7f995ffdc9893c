using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.WebUtilities;

namespace CustomerPortal.Identity.Theming;

public static class LocalizationSetup
{
    public static IServiceCollection AddPortalTheming(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddThemeMessages(configuration);
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.UseBundleLanguages();
            // The relying app's ui_locales wins over the remembered choice, which wins over the browser.
            options.RequestCultureProviders =
            [
                new UiLocalesCultureProvider(),
                new CookieRequestCultureProvider(),
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
        return services;
    }

    /// <summary>
    /// The globe switch: remembers the language in a cookie and returns to the page, one of the
    /// IdP's or, when the switch was used in a relying app, the app's page (an absolute address on
    /// the origin of a registered client; any other address leads to the home page).
    /// </summary>
    public static IEndpointRouteBuilder MapLanguageSwitch(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/language/{language}", async (
            string language, string? returnUrl, HttpContext context, Connect.RegisteredAppOrigins apps) =>
        {
            if (!MessageBundle.Languages.Contains(language))
            {
                return Results.BadRequest();
            }
            RememberLanguage(context, language);
            // A signed-in user's choice is also the language of their emails and of the locale claim.
            if (context.User.Identity?.IsAuthenticated == true)
            {
                var users = context.RequestServices.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Data.PortalUser>>();
                if (await users.GetUserAsync(context.User) is { } user && user.Locale != language)
                {
                    user.Locale = language;
                    await users.UpdateAsync(user);
                }
            }
            if (IsLocal(returnUrl))
            {
                return Results.LocalRedirect(WithoutUiLocales(returnUrl!));
            }
            return await apps.FindAsync(returnUrl, context.RequestAborted) is { } appPage
                ? Results.Redirect(appPage.AbsoluteUri)
                : Results.LocalRedirect("/");
        }).AllowAnonymous();
        return endpoints;
    }

    /// <summary>The language this browser shows pages in from now on (the cookie the globe switch sets).</summary>
    public static void RememberLanguage(HttpContext context, string language) =>
        context.Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(language)),
            new CookieOptions
            {
                Expires = DateTimeOffset.UtcNow.AddYears(1), HttpOnly = true, IsEssential = true, SameSite = SameSiteMode.Lax,
                Secure = context.Request.IsHttps,
            });

    /// <summary>
    /// At sign-in, a browser that has no language chosen yet takes the one stored on the user
    /// (chosen at registration or in the settings); a choice made on this browser stays.
    /// </summary>
    public static void AdoptUserLanguage(HttpContext context, string? userLanguage)
    {
        if (userLanguage is not null && MessageBundle.Languages.Contains(userLanguage)
            && !context.Request.Cookies.ContainsKey(CookieRequestCultureProvider.DefaultCookieName))
        {
            RememberLanguage(context, userLanguage);
        }
    }

    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));

    /// <summary>
    /// An explicit choice must beat the relying app's hint, so the hint is dropped from the page
    /// being returned to and from the authorization request nested in its ReturnUrl.
    /// </summary>
    internal static string WithoutUiLocales(string url)
    {
        var queryStart = url.IndexOf('?');
        if (queryStart < 0)
        {
            return url;
        }
        var query = QueryHelpers.ParseQuery(url[queryStart..]);
        var kept = new List<KeyValuePair<string, string?>>();
        foreach (var (key, values) in query)
        {
            if (key == UiLocalesCultureProvider.Parameter)
            {
                continue;
            }
            foreach (var value in values)
            {
                kept.Add(new(key, key == "ReturnUrl" && value is not null && IsLocal(value) ? WithoutUiLocales(value) : value));
            }
        }
        return QueryHelpers.AddQueryString(url[..queryStart], kept);
    }
}
