namespace CustomerPortal.ServiceDefaults.Hosting;

/// <summary>
/// Finds the repository's top-level folders (seed/, themes/) when no path is configured, so that
/// `dotnet run --project src/CustomerPortal.Identity` works from the repository root or the project folder.
/// </summary>
public static class RepositoryFolder
{
    public static string Resolve(string? configured, string name, string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured, contentRoot);
        }

        foreach (var start in new[] { contentRoot, AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, name);
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new ConfigurationException(
            $"No '{name}' folder was found above {contentRoot}; set its path in configuration.");
    }
}
