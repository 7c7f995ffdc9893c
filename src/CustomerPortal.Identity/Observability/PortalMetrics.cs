using System.Diagnostics.Metrics;
using CustomerPortal.Identity.Data;
using CustomerPortal.ServiceDefaults.Mail;
using Microsoft.EntityFrameworkCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace CustomerPortal.Identity.Observability;

/// <summary>
/// The IdP's own metrics (Prometheus at /metrics, with ASP.NET Core's request duration):
/// sign-ins by result, lockouts by cause, tokens by grant, registrations by outcome, the outbox
/// depth and the age of its oldest pending mail. Built at start (<see cref="ObservabilitySetup"/>)
/// with every counter's known series at zero, so a scrape after a restart already shows them all
/// and an alert on a rate or on stuck mail has something to look at from the first second.
/// </summary>
public sealed class PortalMetrics
{
    public const string MeterName = "CustomerPortal.Identity";

    /// <summary>
    /// Why an account was locked: too many wrong passwords at the sign-in page or at a
    /// current-password check (both lock out browsers the account does not know), or by staff;
    /// or why one of the account's own browsers has to wait (too many wrong passwords typed in it).
    /// </summary>
    public static class LockoutCause
    {
        public const string FailedSignIns = "failed_sign_ins";
        public const string CurrentPassword = "current_password";
        public const string Staff = "staff";
        public const string KnownBrowser = "known_browser";
        public const string SecondFactor = "second_factor";
    }

    private static readonly string[] LockoutCauses =
        [LockoutCause.FailedSignIns, LockoutCause.CurrentPassword, LockoutCause.Staff, LockoutCause.KnownBrowser, LockoutCause.SecondFactor];
    private static readonly string[] Grants = [GrantTypes.AuthorizationCode, GrantTypes.RefreshToken, GrantTypes.ClientCredentials];
    private static readonly string[] RegistrationOutcomes = ["received", "approved", "rejected", "activated"];
    private static readonly OutboxStatus[] Undelivered = [OutboxStatus.Pending, OutboxStatus.Sending, OutboxStatus.Uncertain, OutboxStatus.Failed];

    private readonly Counter<long> _signIns;
    private readonly Counter<long> _lockouts;
    private readonly Counter<long> _tokens;
    private readonly Counter<long> _registrations;

    public PortalMetrics(IMeterFactory meters, IServiceScopeFactory scopes, TimeProvider clock)
    {
        var meter = meters.Create(MeterName);
        _signIns = meter.CreateCounter<long>("portal.sign_ins", description: "Sign-in attempts by result.");
        _lockouts = meter.CreateCounter<long>("portal.lockouts", description: "Accounts locked, by cause.");
        _tokens = meter.CreateCounter<long>("portal.tokens_issued", description: "Token responses by grant type.");
        _registrations = meter.CreateCounter<long>("portal.registrations", description: "Registrations by outcome.");
        meter.CreateObservableGauge("portal.outbox.depth", () => OutboxDepth(scopes), description: "Mails not delivered yet, by status.");
        meter.CreateObservableGauge("portal.outbox.oldest_pending", () => OldestPendingSeconds(scopes, clock), unit: "s",
            description: "Age of the oldest mail waiting for delivery (pending or being sent); 0 when none waits.");

        // A counter appears in the export only once it has been added to: each known series starts at zero.
        _signIns.Add(0, Tag("result", "success"));
        _signIns.Add(0, Tag("result", "failure"));
        foreach (var cause in LockoutCauses)
        {
            _lockouts.Add(0, Tag("cause", cause));
        }
        foreach (var grant in Grants)
        {
            _tokens.Add(0, Tag("grant_type", grant));
        }
        foreach (var outcome in RegistrationOutcomes)
        {
            _registrations.Add(0, Tag("status", outcome));
        }
    }

    public void SignIn(bool succeeded) => _signIns.Add(1, Tag("result", succeeded ? "success" : "failure"));

    /// <param name="cause">One of <see cref="LockoutCause"/>.</param>
    public void LockedOut(string cause) => _lockouts.Add(1, Tag("cause", cause));

    public void TokenIssued(string grantType) => _tokens.Add(1, Tag("grant_type", grantType));

    public void Registration(string outcome) => _registrations.Add(1, Tag("status", outcome));

    private static KeyValuePair<string, object?> Tag(string name, string value) => new(name, value);

    private static IEnumerable<Measurement<long>> OutboxDepth(IServiceScopeFactory scopes)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var counts = db.OutboxMessages.Where(m => m.Status != OutboxStatus.Sent)
            .GroupBy(m => m.Status).Select(g => new { Status = g.Key, Count = g.LongCount() }).ToList();
        foreach (var status in Undelivered)
        {
            yield return new Measurement<long>(counts.FirstOrDefault(c => c.Status == status)?.Count ?? 0,
                Tag("status", status.ToString().ToLowerInvariant()));
        }
    }

    private static double OldestPendingSeconds(IServiceScopeFactory scopes, TimeProvider clock)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var oldest = db.OutboxMessages.Where(m => m.Status == OutboxStatus.Pending || m.Status == OutboxStatus.Sending)
            .OrderBy(m => m.CreatedAt).Select(m => (DateTimeOffset?)m.CreatedAt).FirstOrDefault();
        return oldest is { } createdAt ? Math.Max(0, (clock.GetUtcNow() - createdAt).TotalSeconds) : 0;
    }
}
