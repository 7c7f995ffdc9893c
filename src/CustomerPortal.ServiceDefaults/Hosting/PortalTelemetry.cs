using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace CustomerPortal.ServiceDefaults.Hosting;

/// <summary>
/// Logs, traces and metrics over OpenTelemetry's protocol (OTLP), for all three parts alike: sent
/// to <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> when it is set (the AppHost sets it for each part, so its
/// dashboard shows them; <c>OTEL_EXPORTER_OTLP_PROTOCOL</c>, <c>OTEL_SERVICE_NAME</c> and the other
/// standard variables apply). Without it nothing is added: no exporter, no extra instrumentation,
/// and the IdP's Prometheus <c>/metrics</c> shows what it always showed.
/// </summary>
public static class PortalTelemetry
{
    public const string EndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>Turns OTLP export on when an endpoint is configured; <paramref name="meters"/> are the part's own meters.</summary>
    public static WebApplicationBuilder AddPortalTelemetry(this WebApplicationBuilder builder, params string[] meters)
    {
        if (string.IsNullOrWhiteSpace(builder.Configuration[EndpointKey]))
        {
            return builder;
        }

        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });
        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddMeter(meters)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                // Built into .NET and EF Core: the GC, thread pool and CPU; contexts, queries, saves.
                .AddMeter("System.Runtime", "Microsoft.EntityFrameworkCore"))
            .WithTracing(tracing => tracing
                // The AppHost asks for health every few seconds: those requests are no story worth a trace.
                .AddAspNetCoreInstrumentation(aspNetCore => aspNetCore.Filter = context => !context.Request.Path.StartsWithSegments("/health"))
                .AddHttpClientInstrumentation()
                // PostgreSQL's commands, when a part runs on it (Npgsql's own activity source).
                .AddSource("Npgsql"))
            .UseOtlpExporter();
        return builder;
    }
}
