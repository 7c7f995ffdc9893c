namespace CustomerPortal.ServiceDefaults.Hosting;

/// <summary>A relying app's data folder (Storage:DataFolder, App_Data by default), created if missing.</summary>
public static class AppDataFolder
{
    public static string Resolve(IConfiguration configuration, IHostEnvironment environment)
    {
        var path = Path.GetFullPath(configuration["Storage:DataFolder"] ?? "App_Data", environment.ContentRootPath);
        Directory.CreateDirectory(path);
        return path;
    }
}
