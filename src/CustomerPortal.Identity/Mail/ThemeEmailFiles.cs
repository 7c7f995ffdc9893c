using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.FileProviders.Physical;
using Microsoft.Extensions.Primitives;

namespace CustomerPortal.Identity.Mail;

/// <summary>
/// The files a mail template includes (<c>{% include "parts/signature.txt" %}</c>), looked up in
/// email/{language}/ of each theme of the chain, the chosen theme first, so a brand theme can
/// override a partial as it overrides a template. Fluid asks for "name.liquid"; the theme's files
/// keep the name of what they hold (.txt, .html), so that suffix is not part of the file name.
/// </summary>
public sealed class ThemeEmailFiles(IReadOnlyList<string> themeChain, string language) : IFileProvider
{
    private const string FluidSuffix = ".liquid";

    public IFileInfo GetFileInfo(string subpath)
    {
        var name = subpath.EndsWith(FluidSuffix, StringComparison.Ordinal) ? subpath[..^FluidSuffix.Length] : subpath;
        var relative = name.TrimStart('/');
        // Only files below email/{language}/ of a theme: an include never reaches elsewhere on the disk.
        if (relative.Length == 0 || Path.IsPathRooted(relative) || relative.Split('/', '\\').Contains(".."))
        {
            return new NotFoundFileInfo(subpath);
        }
        return themeChain
            .Select(folder => new FileInfo(Path.Combine(folder, "email", language, relative)))
            .Where(file => file.Exists)
            .Select(file => (IFileInfo)new PhysicalFileInfo(file))
            .FirstOrDefault() ?? new NotFoundFileInfo(subpath);
    }

    public IDirectoryContents GetDirectoryContents(string subpath) => NotFoundDirectoryContents.Singleton;

    public IChangeToken Watch(string filter) => NullChangeToken.Singleton;
}
