using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;

namespace CustomerPortal.UnitTests.Theming;

/// <summary>The repository's message bundles, read as the parts read them.</summary>
public static class ThemeBundles
{
    public static MessageBundle Of(string theme = "base") => new(
        Options.Create(new ThemeOptions { Path = Path.Combine(RepositoryRoot.Path, "themes"), Name = theme }),
        new HostingEnvironment { ContentRootPath = RepositoryRoot.Path },
        new ConfigurationBuilder().Build());
}
