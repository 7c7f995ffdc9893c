// `dotnet run --project src/CustomerPortal.AppHost`: the IdP and both relying apps on localhost, in
// Development (SQLite, demo accounts, mails written as .eml files), until Ctrl+C. Each part runs as
// its own process on the port of its own "http" launch profile (5101, 5102, 5103, which the seed's
// redirect URIs name) and sends its logs, traces and metrics to the dashboard over OTLP.
using CustomerPortal.AppHost;
using Microsoft.Extensions.Hosting;

var builder = DistributedApplication.CreateBuilder(args);

var repository = Path.GetFullPath(Path.Combine(builder.AppHostDirectory, "..", ".."));
// Each part keeps its database in App_Data/<part>/ and every part writes its mails to App_Data/mail/;
// Portal:DataFolder moves the lot (the AppHost's test does, so that it never touches a developer's data).
var dataFolder = Path.GetFullPath(builder.Configuration["Portal:DataFolder"] ?? "App_Data", repository);

var identity = builder.AddProject<Projects.CustomerPortal_Identity>("identity")
    .WithHttpHealthCheck("/health/ready");
// The apps need the IdP's discovery document only at a first sign-in, yet they start once it is ready.
var ordering = builder.AddProject<Projects.CustomerPortal_Ordering>("ordering")
    .WithHttpHealthCheck("/health/live")
    .WaitFor(identity);
var support = builder.AddProject<Projects.CustomerPortal_Support>("support")
    .WithHttpHealthCheck("/health/live")
    .WaitFor(identity);

IResourceBuilder<ProjectResource>[] parts = [identity, ordering, support];
foreach (var part in parts)
{
    part.WithEnvironment("ASPNETCORE_ENVIRONMENT", "Development")
        .WithEnvironment("DOTNET_ENVIRONMENT", "Development")
        .WithEnvironment("Storage__DataFolder", Path.Combine(dataFolder, part.Resource.Name))
        .WithEnvironment("Mail__PickupFolder", Path.Combine(dataFolder, "mail"))
        .WithEnvironment("Apps__Identity", ReferenceExpression.Create($"{identity.GetEndpoint("http")}/"))
        .WithEnvironment("Apps__Ordering", ReferenceExpression.Create($"{ordering.GetEndpoint("http")}/"))
        .WithEnvironment("Apps__Support", ReferenceExpression.Create($"{support.GetEndpoint("http")}/"))
        .WithEnvironment("SignIn__Authority", ReferenceExpression.Create($"{identity.GetEndpoint("http")}/"))
        // The browser reaches each part directly on loopback: no proxy's X-Forwarded-* headers to believe.
        .DisableForwardedHeaders()
        // Aspire asks the OTLP exporter to retry failed sends from memory; at Ctrl+C the dashboard stops
        // first, and the parts' last sends then retried for some 15 s before they exited. Locally a lost
        // batch costs nothing: no retries, and the parts stop at once.
        .WithEnvironment(context => context.EnvironmentVariables.Remove("OTEL_DOTNET_EXPERIMENTAL_OTLP_RETRY"));
}

await using var app = builder.Build();
await app.StartAsync();
await Banner.PrintWhenReadyAsync(app, builder.Configuration, repository, dataFolder, parts);
await app.WaitForShutdownAsync();
