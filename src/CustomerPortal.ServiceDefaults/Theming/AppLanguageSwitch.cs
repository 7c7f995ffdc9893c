using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace CustomerPortal.ServiceDefaults.Theming;

/// <summary>
/// The language a user chose with a relying app's globe switch, kept in a cookie of the app's own.
/// It beats the `locale` claim, which says what the user's language was at sign-in and stays so
/// until the next one; a sign-in forgets it, as the claim then carries the choice (the IdP saved it).
/// </summary>
public sealed class AppLanguageCookie(string appName)
{
    /// <summary>One name per app: the apps may share a host (localhost in Development) and cookies ignore the port.</summary>
    public string Name { get; } = $".{appName}.language";

    public CookieRequestCultureProvider Provider => new() { CookieName = Name };

    public void Remember(HttpContext context, string language) =>
        context.Response.Cookies.Append(Name, CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(language)), new CookieOptions
        {
            Expires = DateTimeOffset.UtcNow.AddYears(1), HttpOnly = true, IsEssential = true, SameSite = SameSiteMode.Lax,
            Secure = context.Request.IsHttps,
        });

    public void Forget(HttpContext context) => context.Response.Cookies.Delete(Name);
}

public static class AppLanguageSwitch
{
    /// <summary>
    /// The app's globe switch (/language/{language}?returnUrl=/page): the page shows the language at
    /// once (the app's cookie), and the browser passes through the IdP's own switch, which saves it
    /// as the user's language (emails, the next sign-in's locale claim) and sends it back to the page.
    /// </summary>
    public static IEndpointRouteBuilder MapAppLanguageSwitch(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/language/{language}", (string language, string? returnUrl, HttpContext context, AppLanguageCookie cookie, IOptions<AppLinks> apps) =>
        {
            if (!MessageBundle.Languages.Contains(language))
            {
                return Results.BadRequest();
            }
            cookie.Remember(context, language);
            // Only a page of this app: the IdP checks the origin too, and never leaves the registered apps.
            var request = context.Request;
            var page = $"{request.Scheme}://{request.Host}{request.PathBase}{(IsLocal(returnUrl) ? returnUrl : "/")}";
            var idpSwitch = new Uri(apps.Value.Identity, $"language/{language}").ToString();
            return Results.Redirect(QueryHelpers.AddQueryString(idpSwitch, "returnUrl", page));
        }).AllowAnonymous();
        return endpoints;
    }

    /// <summary>
    /// A link from another part of the portal carries the language of the page it was on (ui_locales,
    /// see <see cref="AppLinks.InLanguage(string, string)"/>): this app takes it as the chosen one, so
    /// that a language chosen in one part holds in the next, and shows the page again without it.
    /// </summary>
    public static IApplicationBuilder UseAppLanguageFromLinks(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            if (HttpMethods.IsGet(request.Method) && LinkLanguage(request.Query) is { } language)
            {
                context.RequestServices.GetRequiredService<AppLanguageCookie>().Remember(context, language);
                var kept = request.Query.Where(p => p.Key != UiLocales).SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v)));
                context.Response.Redirect(QueryHelpers.AddQueryString($"{request.PathBase}{request.Path}", kept));
                return;
            }
            await next(context);
        });

    private const string UiLocales = "ui_locales";

    /// <summary>The first language of ui_locales the bundles have (ui_locales lists tags in order of preference).</summary>
    private static string? LinkLanguage(IQueryCollection query) =>
        query.TryGetValue(UiLocales, out var values) && values.Count == 1
            ? values[0]?.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(tag => tag.Split('-')[0].ToLowerInvariant())
                .FirstOrDefault(MessageBundle.Languages.Contains)
            : null;

    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));
}
