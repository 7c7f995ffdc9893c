using Microsoft.Extensions.FileProviders;

namespace CustomerPortal.ServiceDefaults.Theming;

public static class ThemeStaticFiles
{
    public const string RequestPath = "/theme";

    /// <summary>
    /// Serves each theme's static/ folder under /theme, the chosen theme's files first and its
    /// parents' behind them, read from disk so a theme changes without a rebuild.
    /// </summary>
    public static IApplicationBuilder UseThemeStaticFiles(this IApplicationBuilder app)
    {
        var chain = app.ApplicationServices.GetRequiredService<MessageBundle>().ThemeChain;
        var providers = chain
            .Select(folder => Path.Combine(folder, "static"))
            .Where(Directory.Exists)
            .Select(folder => (IFileProvider)new PhysicalFileProvider(folder))
            .ToArray();
        return app.UseStaticFiles(new StaticFileOptions
        {
            RequestPath = RequestPath,
            FileProvider = new CompositeFileProvider(providers),
            OnPrepareResponse = context => context.Context.Response.Headers.CacheControl = "public, max-age=3600",
        });
    }
}
