using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CustomerPortal.UnitTests.Theming;

/// <summary>
/// The logo slot of a theme: the chosen theme's own logo (SVG or PNG) before its parents', the top
/// bar's name alone when none of the chain has one.
/// </summary>
public sealed class ThemeLogoTests : IDisposable
{
    private readonly string _themes = Path.Combine(Path.GetTempPath(), "theme-logo-tests", Guid.NewGuid().ToString("n"));

    [Fact]
    public void RepositoryThemes_BothHaveALogo_TheBrandItsOwn()
    {
        var themes = Path.Combine(RepositoryRoot.Path, "themes");

        Assert.Equal("/theme/img/logo.svg", LogoOf(themes, "pitney-bowes").Url);
        Assert.True(File.Exists(Path.Combine(themes, "pitney-bowes", "static", "img", "logo.svg")));
        Assert.Equal("/theme/img/logo.svg", LogoOf(themes, "base").Url);
    }

    [Fact]
    public void ThemesOwnPng_WinsOverItsParentsSvg()
    {
        Theme("base", parent: null, logo: "logo.svg");
        Theme("brand", parent: "base", logo: "logo.png");

        Assert.Equal("/theme/img/logo.png", LogoOf(_themes, "brand").Url);
    }

    [Fact]
    public void ThemeWithoutALogo_TakesItsParents()
    {
        Theme("base", parent: null, logo: "logo.svg");
        Theme("brand", parent: "base", logo: null);

        Assert.Equal("/theme/img/logo.svg", LogoOf(_themes, "brand").Url);
    }

    [Fact]
    public void NoLogoInTheChain_LeavesTheSlotEmpty()
    {
        Theme("base", parent: null, logo: null);
        Theme("brand", parent: "base", logo: null);

        Assert.Null(LogoOf(_themes, "brand").Url);
    }

    private void Theme(string name, string? parent, string? logo)
    {
        var folder = Path.Combine(_themes, name);
        Directory.CreateDirectory(Path.Combine(folder, "messages"));
        var parentEntry = parent is null ? "" : $$""", "parent": "{{parent}}" """;
        File.WriteAllText(Path.Combine(folder, "theme.json"), $$"""{"name": "{{name}}"{{parentEntry}}}""");
        foreach (var language in MessageBundle.Languages)
        {
            File.WriteAllText(Path.Combine(folder, "messages", $"{language}.json"), "{}");
        }
        if (logo is not null)
        {
            Directory.CreateDirectory(Path.Combine(folder, "static", "img"));
            File.WriteAllText(Path.Combine(folder, "static", "img", logo), "logo");
        }
    }

    private static ThemeLogo LogoOf(string themes, string name) => new(new MessageBundle(
        Options.Create(new ThemeOptions { Path = themes, Name = name }), new Environment(), new ConfigurationBuilder().Build()));

    public void Dispose()
    {
        try { Directory.Delete(_themes, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private sealed class Environment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Development";
        public string ApplicationName { get; set; } = "CustomerPortal.UnitTests";
        public string ContentRootPath { get; set; } = RepositoryRoot.Path;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
