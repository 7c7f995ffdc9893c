using System.Net;
using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;

namespace CustomerPortal.RelyingApps.Tests;

/// <summary>
/// The README's Quick start: the AppHost (.NET Aspire) starts the three parts as processes, each
/// becomes healthy, the IdP answers discovery at its own address and the apps send a visitor to it.
/// Aspire's test host gives every part a random port (the seed's redirect URIs name 5102 and 5103,
/// so nobody signs in here: the other tests of this project do that on PortalStack), and the data
/// goes to a folder of the test's own. The Quick start runs on SQLite, so the PostgreSQL pass skips it.
/// It runs alone, after the other tests: two portals starting at once on two cores slow both.
/// </summary>
[Trait(TestTraits.Storage, TestTraits.OwnStorage)]
[Collection(AppHostCollection.Name)]
public sealed class AppHostTests
{
    [Fact]
    public async Task QuickStart_StartsTheThreeParts_TheIdPAnswersDiscovery_AndTheAppsSignInThere()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var data = Path.Combine(Path.GetTempPath(), "customer-portal-apphost", Guid.NewGuid().ToString("n"));
        try
        {
            var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.CustomerPortal_AppHost>(
                [$"--Portal:DataFolder={data}"], timeout.Token);
            // Disposing the application stops every process it started.
            await using var app = await builder.BuildAsync(timeout.Token);
            await app.StartAsync(timeout.Token);
            foreach (var part in new[] { "identity", "ordering", "support" })
            {
                await app.ResourceNotifications.WaitForResourceHealthyAsync(part, WaitBehavior.StopOnResourceUnavailable, timeout.Token);
            }

            var identity = app.GetEndpoint("identity", "http");
            using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
            using var discovery = JsonDocument.Parse(
                await http.GetStringAsync(new Uri(identity, ".well-known/openid-configuration"), timeout.Token));
            Assert.Equal(identity.ToString(), discovery.RootElement.GetProperty("issuer").GetString());

            foreach (var part in new[] { "ordering", "support" })
            {
                var address = app.GetEndpoint(part, "http");
                using var health = await http.GetAsync(new Uri(address, "health/live"), timeout.Token);
                Assert.Equal(HttpStatusCode.OK, health.StatusCode);
                using var visit = await http.GetAsync(address, timeout.Token);
                Assert.Equal(HttpStatusCode.Redirect, visit.StatusCode);
                Assert.StartsWith(new Uri(identity, "connect/authorize").ToString(), visit.Headers.Location!.ToString());
            }
            Assert.True(File.Exists(Path.Combine(data, "identity", "portal.db")), "The IdP keeps its database in the data folder given to the AppHost.");
        }
        finally
        {
            try { Directory.Delete(data, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}

/// <summary>The AppHost's test runs in a collection of its own, without parallel company.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AppHostCollection
{
    public const string Name = "apphost";
}
