using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CustomerPortal.AppHost;

/// <summary>Once every part answers: the addresses, the dashboard's login link, the mail folder and the demo accounts.</summary>
internal static class Banner
{
    private static readonly (string Part, string What)[] Parts =
    [
        ("identity", "Customer portal (sign-in, account, staff console)"),
        ("ordering", "Supplies ordering"),
        ("support", "Support (contact form, inquiries, FAQ)"),
    ];

    public static async Task PrintWhenReadyAsync(
        DistributedApplication app, IConfiguration configuration, string repository, string dataFolder,
        IReadOnlyList<IResourceBuilder<ProjectResource>> parts)
    {
        var stopping = app.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        stopping.Register(() => Console.WriteLine("Stopping the portal..."));
        try
        {
            // One after the other: the apps wait for the IdP, so an IdP that stops is reported as such.
            foreach (var part in parts)
            {
                await app.ResourceNotifications.WaitForResourceHealthyAsync(part.Resource.Name, WaitBehavior.StopOnResourceUnavailable, stopping);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            return;
        }
        catch (DistributedApplicationException error)
        {
            Console.Error.WriteLine($"The portal did not start: {error.Message} Its console log is in the dashboard ({Dashboard(configuration)}).");
            return;
        }

        Console.WriteLine();
        foreach (var (name, what) in Parts)
        {
            var endpoint = parts.Single(p => p.Resource.Name == name).GetEndpoint("http");
            Console.WriteLine($"  {what,-50} {endpoint.Url}/");
        }
        Console.WriteLine($"  {"Mails are written to",-50} {Path.Combine(dataFolder, "mail")}");
        Console.WriteLine($"  {"Dashboard (logs, traces, metrics of each part)",-50} {Dashboard(configuration)}");
        Console.WriteLine();
        Console.WriteLine("  Demo accounts:");
        foreach (var (email, password, roles, key) in DemoAccounts(repository))
        {
            Console.WriteLine($"    {email,-26} {password,-16} {roles}");
            if (key is not null)
            {
                // Staff and admins sign in with a second factor: the current code of their seeded key.
                Console.WriteLine($"    {"",-26} code: oathtool --totp -b {key}");
            }
        }
        Console.WriteLine();
        Console.WriteLine("Press Ctrl+C to stop.");
    }

    /// <summary>The dashboard's address (the launch profile's) with the login token Aspire made for this run.</summary>
    private static string Dashboard(IConfiguration configuration)
    {
        var address = (configuration["ASPNETCORE_URLS"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "(none)";
        return configuration["AppHost:BrowserToken"] is { Length: > 0 } token ? $"{address.TrimEnd('/')}/login?t={token}" : address;
    }

    private static IEnumerable<(string Email, string Password, string Roles, string? AuthenticatorKey)> DemoAccounts(string repository)
    {
        var file = Path.Combine(repository, "seed", "development-users.json");
        using var document = JsonDocument.Parse(File.ReadAllText(file),
            new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        foreach (var user in document.RootElement.EnumerateArray())
        {
            yield return (
                user.GetProperty("email").GetString()!,
                user.GetProperty("password").GetString()!,
                string.Join(", ", user.GetProperty("roles").EnumerateArray().Select(r => r.GetString())),
                user.TryGetProperty("authenticatorKey", out var key) ? key.GetString() : null);
        }
    }
}
