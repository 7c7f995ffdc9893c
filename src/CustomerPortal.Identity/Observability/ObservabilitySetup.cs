using OpenTelemetry.Metrics;

namespace CustomerPortal.Identity.Observability;

public static class ObservabilitySetup
{
    public static IServiceCollection AddPortalMetrics(this IServiceCollection services)
    {
        services.AddSingleton<PortalMetrics>();
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(PortalMetrics.MeterName)
            // Request latency, as ASP.NET Core measures it (http.server.request.duration).
            .AddMeter("Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel")
            .AddPrometheusExporter());
        return services;
    }

    /// <summary>Prometheus text format at /metrics.</summary>
    public static IEndpointRouteBuilder MapPortalMetrics(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPrometheusScrapingEndpoint("/metrics").AllowAnonymous();
        return endpoints;
    }
}
