using System.Net;
using CustomerPortal.Identity.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace CustomerPortal.Identity.Tests.Security;

/// <summary>
/// The Quick start sets no public origin: in Development the links then point where Kestrel
/// listens, still never at the host a request names.
/// </summary>
public sealed class DevelopmentOriginTests : IAsyncLifetime
{
    private readonly PortalFactory _portal = new();
    private Uri _listening = null!;

    public Task InitializeAsync()
    {
        _portal.Settings["Registration:PublicOrigin"] = "";
        _portal.UseKestrel(0);
        _portal.StartServer();
        _listening = new Uri(_portal.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return Task.CompletedTask;
    }

    [Fact]
    public async Task WithoutAConfiguredOrigin_LinksPointWhereKestrelListens_NotAtTheRequestsHost()
    {
        var email = $"dev-origin-{Guid.NewGuid():n}@example.com";
        await _portal.CreateActiveUserAsync(email, "Origin-Pass-2026", "supplies-buyer");
        using var attacker = new Browser(new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = _listening,
            DefaultRequestHeaders = { Host = "attacker.example" },
        });

        var page = await attacker.GetPageAsync("/account/forgot-password");
        Assert.Equal(HttpStatusCode.OK, (await attacker.SubmitAsync(page, "section form[method=post]", new Dictionary<string, string> { ["Email"] = email })).StatusCode);

        var mail = await PickedUpMailAsync(email);
        Assert.DoesNotContain("attacker.example", mail.TextBody);
        Assert.Contains($"{_listening.Scheme}://{_listening.Authority}/account/reset-password?token=", mail.TextBody);
    }

    /// <summary>Without SMTP, Development writes each mail as an .eml file; waits for the worker to write this one.</summary>
    private async Task<MimeMessage> PickedUpMailAsync(string recipient)
    {
        var folder = Path.Combine(_portal.DataFolder, "mail");
        for (var attempt = 0; attempt < 200; attempt++)
        {
            if (Directory.Exists(folder))
            {
                foreach (var file in Directory.GetFiles(folder, "*.eml"))
                {
                    MimeMessage message;
                    try
                    {
                        message = await MimeMessage.LoadAsync(file);
                    }
                    catch (Exception error) when (error is IOException or FormatException)
                    {
                        continue; // still being written
                    }
                    if (message.To.Mailboxes.Any(to => to.Address == recipient))
                    {
                        return message;
                    }
                }
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"No mail to {recipient} in {folder}.");
    }

    public async Task DisposeAsync() => await _portal.DisposeAsync();
}
