using OpenTelemetry.Metrics;

namespace CustomerPortal.Identity.Observability;

public static class ObservabilitySetup
{
    public static IServiceCollection AddPortalMetrics(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<PortalMetrics>();
        // Built with the host, not at the first sign-in: its gauges and zero counters are scraped from the start.
        services.AddHostedService<PortalMetricsAtStart>();
        // Built now: a network that is not one stops the start.
        services.AddSingleton(new MetricsAccess(configuration));
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(PortalMetrics.MeterName)
            // Request latency, as ASP.NET Core measures it (http.server.request.duration).
            .AddMeter("Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel")
            // The runtime's own (dotnet_*): GC heap and pauses, JIT, thread pool, CPU time, working set.
            .AddMeter("System.Runtime")
            .AddPrometheusExporter());
        return services;
    }

    private sealed class PortalMetricsAtStart(PortalMetrics metrics) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            GC.KeepAlive(metrics);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    /// <summary>Prometheus text format at /metrics, for the scraper only (<see cref="MetricsAccess"/>).</summary>
    public static IEndpointRouteBuilder MapPortalMetrics(this IEndpointRouteBuilder endpoints)
    {
        var access = endpoints.ServiceProvider.GetRequiredService<MetricsAccess>();
        endpoints.MapPrometheusScrapingEndpoint("/metrics", meterProvider: null, configureBranchedPipeline: branch => branch.Use(async (context, next) =>
        {
            if (!access.Allows(context))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return;
            }
            await next(context);
        }), optionsName: null).AllowAnonymous();
        return endpoints;
    }
}
