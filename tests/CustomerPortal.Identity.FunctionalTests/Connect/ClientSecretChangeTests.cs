using System.Net;
using CustomerPortal.Testing;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;

namespace CustomerPortal.Identity.FunctionalTests.Connect;

/// <summary>
/// A client secret proven once is remembered so that later requests skip the slow hash; that
/// memory must not let an old secret in once the stored secret has changed (on this node or another).
/// </summary>
public sealed class ClientSecretChangeTests
{
    [Fact]
    public async Task ASecretChangedWhileTheServerRuns_TheOldOneIsRefusedOnTheNextRequest()
    {
        using var portal = new PortalFactory();
        using var browser = portal.CreateBrowser();
        var remembered = new OAuthClient(browser, TestClients.ServiceClientId, TestClients.ServiceSecret, "");
        Assert.Equal(HttpStatusCode.OK, (await remembered.ClientCredentialsAsync()).Status);
        Assert.Equal(HttpStatusCode.OK, (await remembered.ClientCredentialsAsync()).Status);

        // As another node applying a new seed would: a new hash in the shared database.
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
            var service = await applications.FindByClientIdAsync(TestClients.ServiceClientId)
                ?? throw new InvalidOperationException("The service client is not seeded.");
            await applications.UpdateAsync(service, "the-new-service-secret");
        }

        Assert.Equal("invalid_client", (await remembered.ClientCredentialsAsync()).Error);
        var rotated = new OAuthClient(browser, TestClients.ServiceClientId, "the-new-service-secret", "");
        Assert.Equal(HttpStatusCode.OK, (await rotated.ClientCredentialsAsync()).Status);
    }
}
