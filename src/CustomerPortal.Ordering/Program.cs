using CustomerPortal.Ordering.Hosting;
using CustomerPortal.Ordering.Staff;
using CustomerPortal.ServiceDefaults.Hosting;

namespace CustomerPortal.Ordering;

/// <summary>The supplies ordering app (role supplies-buyer), signing in against the portal's IdP.</summary>
public static class OrderingProgram
{
    public static async Task<int> Main(string[] args)
    {
        if (args is ["backup", .. var backupArgs])
        {
            // A copy of the live SQLite database, taken beside the serving app: no web host or migrations.
            return SqliteBackup.Run("CustomerPortal.Ordering", "ordering.db", backupArgs);
        }
        try
        {
            var app = OrderingApplication.Build(args);
            await app.PrepareAsync();
            app.UseRelyingAppPipeline();
            app.MapCompanyOrdersApi();
            await app.RunAsync();
            return 0;
        }
        catch (Exception error) when (error.IsConfigurationMistake())
        {
            // A configuration mistake: say which setting, without a stack trace.
            Console.Error.WriteLine($"CustomerPortal.Ordering cannot start: {error.Message}");
            return 1;
        }
    }
}
