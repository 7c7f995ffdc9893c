using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerPortal.AppShell;

/// <summary>What the shell says about the app it frames.</summary>
public sealed class AppShellOptions
{
    /// <summary>The message key of the app's name, shown in the page title and the app bar.</summary>
    [Required]
    public string NameKey { get; set; } = "";

    /// <summary>The message key of the access-denied page's title and heading.</summary>
    [Required]
    public string AccessDeniedTitleKey { get; set; } = "error.forbidden";
}

public static class AppShellSetup
{
    /// <summary>
    /// Frames the app's pages with the shell's layout and gives it the shell's /error, /signin-failed
    /// and /access-denied pages (they come with this assembly). The app supplies the partials
    /// Shared/_AppNav.cshtml and Access/_AccessDenied.cshtml, and sets its _ViewStart's layout to
    /// /Shared/_Layout.cshtml.
    /// </summary>
    public static IServiceCollection AddAppShell(this IServiceCollection services, string nameKey, string accessDeniedTitleKey = "error.forbidden")
    {
        services.AddOptions<AppShellOptions>()
            .Configure(options =>
            {
                options.NameKey = nameKey;
                options.AccessDeniedTitleKey = accessDeniedTitleKey;
            })
            .ValidateDataAnnotations()
            .ValidateOnStart();
        return services;
    }
}
