using CustomerPortal.ServiceDefaults.Hosting;
using CustomerPortal.Support.Hosting;

namespace CustomerPortal.Support;

/// <summary>The support app (contact form, inquiry history, FAQ by product), signing in against the portal's IdP.</summary>
public static class SupportProgram
{
    public static async Task<int> Main(string[] args)
    {
        if (args is ["backup", .. var backupArgs])
        {
            // A copy of the live SQLite database, taken beside the serving app: no web host or migrations.
            return SqliteBackup.Run("CustomerPortal.Support", "support.db", backupArgs);
        }
        try
        {
            var app = SupportApplication.Build(args);
            await app.PrepareAsync();
            app.UseRelyingAppPipeline();
            await app.RunAsync();
            return 0;
        }
        catch (Exception error) when (error.IsConfigurationMistake())
        {
            // A configuration mistake: say which setting, without a stack trace.
            Console.Error.WriteLine($"CustomerPortal.Support cannot start: {error.Message}");
            return 1;
        }
    }
}
