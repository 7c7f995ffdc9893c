using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace CustomerPortal.ServiceDefaults.Theming;

public static class ThemeSetup
{
    /// <summary>The chosen theme's message bundle (section "Theme").</summary>
    public static IServiceCollection AddThemeMessages(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ThemeOptions>().Bind(configuration.GetSection(ThemeOptions.Section));
        services.AddSingleton<MessageBundle>();
        services.AddSingleton<ThemeLogo>();
        return services;
    }

    /// <summary>The languages the bundles have (ja, en), Japanese when nothing else is asked for.</summary>
    public static RequestLocalizationOptions UseBundleLanguages(this RequestLocalizationOptions options)
    {
        var cultures = MessageBundle.Languages.Select(language => new CultureInfo(language)).ToList();
        options.DefaultRequestCulture = new RequestCulture(MessageBundle.DefaultLanguage);
        options.SupportedCultures = cultures;
        options.SupportedUICultures = cultures;
        options.FallBackToParentCultures = true;
        options.FallBackToParentUICultures = true;
        return options;
    }

    /// <summary>
    /// A relying app's language: the one chosen with the app's globe switch since the last sign-in,
    /// else the signed-in user's `locale` claim (their choice at the IdP), else the browser's, else Japanese.
    /// </summary>
    public static IServiceCollection AddRelyingAppLocalization(this IServiceCollection services, string appName)
    {
        var chosen = new AppLanguageCookie(appName);
        services.AddSingleton(chosen);
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.UseBundleLanguages();
            options.RequestCultureProviders =
            [
                chosen.Provider,
                new CustomRequestCultureProvider(context => Task.FromResult(
                    context.User.FindFirst(PortalClaimTypes.Locale)?.Value is { Length: > 0 } locale
                        ? new ProviderCultureResult(locale)
                        : null)),
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
        return services;
    }
}
