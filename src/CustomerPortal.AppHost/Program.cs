using System.Text.Json;

namespace CustomerPortal.AppHost;

/// <summary>
/// `dotnet run --project src/CustomerPortal.AppHost`: the IdP and both apps on localhost, in
/// Development (SQLite, demo accounts, mails written as .eml files), until Ctrl+C.
/// </summary>
public static class AppHostProgram
{
    public static async Task<int> Main()
    {
        var repository = FindRepository();
        var dataRoot = Path.Combine(repository, "App_Data");
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };

        Console.WriteLine("Starting the customer portal (IdP, ordering, support)...");
        PortalStack stack;
        try
        {
            stack = await PortalStack.StartAsync(new PortalStackOptions { RepositoryRoot = repository, DataRoot = dataRoot }, stop.Token);
        }
        catch (Exception error) when (error is InvalidOperationException or TimeoutException)
        {
            Console.Error.WriteLine($"The portal did not start: {error.Message}");
            return 1;
        }
        catch (OperationCanceledException)
        {
            return 1;
        }

        await using (stack)
        {
            Console.WriteLine();
            Console.WriteLine($"  Customer portal (sign-in, account, staff console)  {stack.Identity.Address}");
            Console.WriteLine($"  Supplies ordering                                  {stack.Ordering.Address}");
            Console.WriteLine($"  Support (contact form, inquiries, FAQ)             {stack.Support.Address}");
            Console.WriteLine($"  Mails are written to                               {Path.Combine(dataRoot, "mail")}");
            Console.WriteLine();
            Console.WriteLine("  Demo accounts:");
            foreach (var (email, password, roles) in DemoAccounts(repository))
            {
                Console.WriteLine($"    {email,-26} {password,-16} {roles}");
            }
            Console.WriteLine();
            Console.WriteLine("Press Ctrl+C to stop.");
            try
            {
                var crashed = await stack.WaitForAnyExitAsync(stop.Token);
                Console.Error.WriteLine($"{crashed.Project} stopped:\n{stack.OutputOf(crashed)}");
                return 1;
            }
            catch (OperationCanceledException)
            {
                Console.WriteLine("Stopping...");
                return 0;
            }
        }
    }

    private static string FindRepository()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "CustomerPortal.sln")))
                {
                    return directory.FullName;
                }
            }
        }
        throw new InvalidOperationException("Run the AppHost from inside the repository (CustomerPortal.sln not found).");
    }

    private static IEnumerable<(string Email, string Password, string Roles)> DemoAccounts(string repository)
    {
        var file = Path.Combine(repository, "seed", "development-users.json");
        using var document = JsonDocument.Parse(File.ReadAllText(file),
            new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        foreach (var user in document.RootElement.EnumerateArray())
        {
            yield return (
                user.GetProperty("email").GetString()!,
                user.GetProperty("password").GetString()!,
                string.Join(", ", user.GetProperty("roles").EnumerateArray().Select(r => r.GetString())));
        }
    }
}
