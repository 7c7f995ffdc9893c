using System.Diagnostics.Metrics;
using CustomerPortal.Identity.Data;
using CustomerPortal.ServiceDefaults.Mail;
using Microsoft.EntityFrameworkCore;

namespace CustomerPortal.Identity.Observability;

/// <summary>
/// The IdP's own metrics (Prometheus at /metrics, with ASP.NET Core's request duration):
/// sign-ins by result, lockouts, tokens by grant, registrations by outcome, and the outbox depth.
/// </summary>
public sealed class PortalMetrics
{
    public const string MeterName = "CustomerPortal.Identity";

    private readonly Counter<long> _signIns;
    private readonly Counter<long> _lockouts;
    private readonly Counter<long> _tokens;
    private readonly Counter<long> _registrations;

    public PortalMetrics(IMeterFactory meters, IServiceScopeFactory scopes)
    {
        var meter = meters.Create(MeterName);
        _signIns = meter.CreateCounter<long>("portal.sign_ins", description: "Sign-in attempts by result.");
        _lockouts = meter.CreateCounter<long>("portal.lockouts", description: "Accounts locked out by failed sign-ins.");
        _tokens = meter.CreateCounter<long>("portal.tokens_issued", description: "Token responses by grant type.");
        _registrations = meter.CreateCounter<long>("portal.registrations", description: "Registrations by outcome.");
        meter.CreateObservableGauge("portal.outbox.depth", () => OutboxDepth(scopes), description: "Mails not delivered yet, by status.");
    }

    public void SignIn(bool succeeded) => _signIns.Add(1, new KeyValuePair<string, object?>("result", succeeded ? "success" : "failure"));

    public void LockedOut() => _lockouts.Add(1);

    public void TokenIssued(string grantType) => _tokens.Add(1, new KeyValuePair<string, object?>("grant_type", grantType));

    public void Registration(string outcome) => _registrations.Add(1, new KeyValuePair<string, object?>("status", outcome));

    private static IEnumerable<Measurement<long>> OutboxDepth(IServiceScopeFactory scopes)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var counts = db.OutboxMessages.Where(m => m.Status != OutboxStatus.Sent)
            .GroupBy(m => m.Status).Select(g => new { Status = g.Key, Count = g.LongCount() }).ToList();
        foreach (var status in new[] { OutboxStatus.Pending, OutboxStatus.Sending, OutboxStatus.Uncertain, OutboxStatus.Failed })
        {
            yield return new Measurement<long>(counts.FirstOrDefault(c => c.Status == status)?.Count ?? 0,
                new KeyValuePair<string, object?>("status", status.ToString().ToLowerInvariant()));
        }
    }
}
