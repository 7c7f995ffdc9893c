using System.Text.Json;
using CustomerPortal.Identity.Data;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CustomerPortal.Identity.Maintenance;

/// <summary>/health/live (the process answers) and /health/ready (the database answers; maintenance is reported).</summary>
public static class HealthEndpoints
{
    public static IServiceCollection AddPortalHealth(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<DatabaseCheck>("database", tags: ["ready"])
            .AddCheck<MaintenanceCheck>("maintenance", tags: ["ready"]);
        return services;
    }

    public static IEndpointRouteBuilder MapPortalHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync }).AllowAnonymous();
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready"), ResponseWriter = WriteAsync })
            .AllowAnonymous();
        // The relying apps follow the switch from here, so one switch closes the whole portal.
        endpoints.MapGet(PortalPaths.MaintenanceStatus, async Task<IResult> (MaintenanceMode mode) =>
        {
            var state = await mode.CurrentAsync();
            return Results.Json(new MaintenanceStatus(state.Enabled, state.MessageJa, state.MessageEn, state.ExpectedEnd));
        }).AllowAnonymous();
        return endpoints;
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        }));
    }

    private sealed class DatabaseCheck(PortalDbContext db) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            await db.Database.CanConnectAsync(cancellationToken) ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("The database does not answer.");
    }

    /// <summary>Degraded, not unhealthy: during maintenance the node still serves tokens and staff.</summary>
    private sealed class MaintenanceCheck(MaintenanceMode mode) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            (await mode.CurrentAsync()).Enabled ? HealthCheckResult.Degraded("maintenance") : HealthCheckResult.Healthy();
    }
}
