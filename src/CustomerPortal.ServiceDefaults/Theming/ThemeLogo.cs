namespace CustomerPortal.ServiceDefaults.Theming;

/// <summary>
/// The theme's logo slot: static/img/logo.svg, or logo.png, of the chosen theme, else of its nearest
/// parent that has one. The top bar of the IdP and of both apps shows it beside the portal's name, at
/// the bar's height and the file's own width (a square mark or a wide logo alike); with no logo in
/// the chain the bar shows the name alone. Looked up once: themes are read at start-up.
/// </summary>
public sealed class ThemeLogo
{
    private static readonly string[] Candidates = ["img/logo.svg", "img/logo.png"];

    public ThemeLogo(MessageBundle bundle) =>
        Url = bundle.ThemeChain
            .SelectMany(theme => Candidates.Select(file => (Theme: theme, File: file)))
            .Where(candidate => File.Exists(Path.Combine(candidate.Theme, "static", candidate.File)))
            .Select(candidate => $"{ThemeStaticFiles.RequestPath}/{candidate.File}")
            .FirstOrDefault();

    /// <summary>Where the logo is served (/theme/img/logo.svg), or null when no theme of the chain has one.</summary>
    public string? Url { get; }
}
