using CustomerPortal.Testing;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;

namespace CustomerPortal.Identity.FunctionalTests.Connect;

/// <summary>
/// Clients are looked up once per request and served from memory while unchanged; what the same
/// request (a seeding run, say) creates or changes is what it finds next.
/// </summary>
public sealed class ClientLookupTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task AClientCreatedAfterItWasFoundMissing_IsFoundInTheSameScope()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        var clientId = $"lookup-{Guid.NewGuid():n}";
        Assert.Null(await applications.FindByClientIdAsync(clientId));

        await applications.CreateAsync(new OpenIddictApplicationDescriptor { ClientId = clientId, ClientType = OpenIddictConstants.ClientTypes.Public });

        Assert.NotNull(await applications.FindByClientIdAsync(clientId));
    }

    [Fact]
    public async Task AClientRenamedInOneScope_IsSeenRenamedByTheNext()
    {
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
            var native = (await applications.FindByClientIdAsync(TestClients.NativeClientId))!;
            var descriptor = new OpenIddictApplicationDescriptor();
            await applications.PopulateAsync(descriptor, native);
            descriptor.DisplayName = "Renamed while running";
            await applications.UpdateAsync(native, descriptor);
        }

        await using var next = portal.Services.CreateAsyncScope();
        var again = next.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        Assert.Equal("Renamed while running", await again.GetDisplayNameAsync((await again.FindByClientIdAsync(TestClients.NativeClientId))!));
    }
}
