using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using CustomerPortal.ServiceDefaults.Mail;
using CustomerPortal.Testing;
using Microsoft.EntityFrameworkCore;

namespace CustomerPortal.LoadTest;

/// <summary>How long the soak runs, how long SMTP stays up (then down) at a time, and how many clients send each kind of request.</summary>
public sealed record SoakSettings(TimeSpan Duration, TimeSpan SmtpPeriod, int ClientsPerKind, int Users, TimeSpan WarmUp)
{
    /// <summary>How long the outbox may take to empty once the load has stopped and SMTP is up.</summary>
    public TimeSpan DrainLimit { get; init; } = TimeSpan.FromMinutes(2);
}

/// <summary>
/// Sign-ins, refreshes, registrations and reset requests at once, for minutes, while the SMTP server the IdP
/// sends to goes down and comes back: what a short benchmark cannot show (5xx under a long mixed load, mail
/// lost across outages, memory that only grows) shows here. Every figure goes to a <see cref="SoakReport"/>.
/// </summary>
public static partial class Soak
{
    public const string Registration = "registration";
    public const string PasswordReset = "password reset";

    public static async Task<SoakReport> RunAsync(SoakSettings settings)
    {
        await using var smtp = await SmtpServer.StartNewAsync();
        await using var idp = await IdentityProviderUnderTest.StartAsync(settings.Users, settings: IdpSettings(smtp));
        Console.WriteLine($"IdP started on {idp.BaseAddress} (SQLite, {settings.Users:N0} users, {Environment.ProcessorCount} cores), SMTP on port " +
            $"{smtp.Port}; warm-up {settings.WarmUp.TotalSeconds} s, then {settings.Duration.TotalMinutes} min with SMTP down every other " +
            $"{settings.SmtpPeriod.TotalSeconds} s, {settings.ClientsPerKind} clients per kind");
        var kinds = Kinds(idp);
        var warmUp = await RunAllAsync(kinds, settings.WarmUp, settings.ClientsPerKind);

        var start = idp.ResidentMemoryMegabytes();
        var watch = Stopwatch.StartNew();
        var load = RunAllAsync(kinds, settings.Duration, settings.ClientsPerKind);
        var outages = ToggleSmtpAsync(smtp, idp, settings.SmtpPeriod, settings.Duration);
        await Task.Delay(settings.Duration / 2);
        var middle = idp.ResidentMemoryMegabytes();
        var results = await load;
        var end = idp.ResidentMemoryMegabytes();
        var smtpStops = await outages;
        var elapsed = watch.Elapsed;

        var drain = await WaitForDrainAsync(idp, settings.DrainLimit);
        var mail = await CountMailAsync(idp, smtp, MailSendingRequests(warmUp.Concat(results)), drain);
        return new SoakReport(settings, elapsed, warmUp, results, await ServerErrorsAsync(idp), idp.ErrorsLogged, mail,
            new MemoryFigures(start, middle, end), smtpStops);
    }

    /// <summary>Points the IdP at the SMTP server, and lets every mail the soak asks for be queued.</summary>
    private static Dictionary<string, string?> IdpSettings(SmtpServer smtp)
    {
        var settings = smtp.Settings;
        // Short back-off, so that the outbox drains soon after the last outage; the first delivery after an outage
        // wakes every waiting mail anyway (MailDelivery.MarkSentAsync), and new mails keep coming to find SMTP back.
        settings["Mail:RetryDelay"] = "00:00:01";
        settings["Mail:MaxRetryDelay"] = "00:00:10";
        settings["Mail:PollInterval"] = "00:00:01";
        // The resets go round the generated users, each several times an hour: past the cap nothing would be queued.
        settings["Registration:MailsPerRecipientPerHour"] = "100000000";
        return settings;
    }

    /// <summary>The four kinds of request; registrations and resets each queue one mail when they succeed.</summary>
    private static Scenario[] Kinds(IdentityProviderUnderTest idp)
    {
        var resets = 0;
        string NextUser() => IdentityProviderUnderTest.Email(Interlocked.Increment(ref resets) % idp.UserCount);
        return
        [
            .. Scenarios.All(Scenarios.Portal(idp)).Where(s => s.Name is Scenarios.SignIn or Scenarios.Refresh),
            // An accepted registration redirects; a form shown again (200) queued nothing.
            EnumerationTiming.Register(Registration, idp, () => $"soak-{Guid.NewGuid():n}@example.com", HttpStatusCode.Redirect),
            EnumerationTiming.ForgotPassword(PasswordReset, idp, NextUser, HttpStatusCode.OK),
        ];
    }

    private static async Task<ScenarioResult[]> RunAllAsync(Scenario[] kinds, TimeSpan duration, int clientsPerKind) =>
        await Task.WhenAll(kinds.Select(kind => LoadRunner.RunAsync(kind, duration, clientsPerKind, WarmUp.None)));

    private static int MailSendingRequests(IEnumerable<ScenarioResult> results) =>
        results.Where(r => r.Name is Registration or PasswordReset).Sum(r => r.Requests - r.Errors);

    /// <summary>Stops SMTP at the end of each period it was up and starts it at the end of each it was down; returns the stops.</summary>
    private static async Task<int> ToggleSmtpAsync(SmtpServer smtp, IdentityProviderUnderTest idp, TimeSpan period, TimeSpan duration)
    {
        var watch = Stopwatch.StartNew();
        var (up, stops) = (true, 0);
        for (var at = period; at < duration; at += period)
        {
            await Task.Delay(Later(at - watch.Elapsed));
            await (up ? smtp.StopAsync() : smtp.StartAsync());
            (up, stops) = (!up, up ? stops + 1 : stops);
            Console.WriteLine($"{watch.Elapsed:mm\\:ss} SMTP {(up ? "up" : "down")}; {await WaitingMailAsync(idp)} mail(s) waiting");
        }
        await Task.Delay(Later(duration - watch.Elapsed));
        if (!up)
        {
            await smtp.StartAsync(); // the run ended during an outage: the drain needs SMTP
        }
        return stops;
    }

    private static TimeSpan Later(TimeSpan wait) => wait > TimeSpan.Zero ? wait : TimeSpan.Zero;

    private static async Task<int> WaitingMailAsync(IdentityProviderUnderTest idp)
    {
        await using var db = idp.OpenDatabase();
        return await db.OutboxMessages.CountAsync(m => m.Status == OutboxStatus.Pending || m.Status == OutboxStatus.Sending);
    }

    /// <summary>How long the outbox took to empty once the load stopped, or null when it had not after <paramref name="limit"/>.</summary>
    private static async Task<TimeSpan?> WaitForDrainAsync(IdentityProviderUnderTest idp, TimeSpan limit)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            await Eventually.TrueAsync(async () => await WaitingMailAsync(idp) == 0, "the outbox empty", limit);
            return watch.Elapsed;
        }
        catch (TimeoutException)
        {
            return null;
        }
    }

    /// <summary>The outbox's rows against what reached the SMTP server, matched by Message-Id (the row's id before the '@').</summary>
    private static async Task<MailFigures> CountMailAsync(IdentityProviderUnderTest idp, SmtpServer smtp, int expected, TimeSpan? drain)
    {
        await using var db = idp.OpenDatabase();
        var rows = await db.OutboxMessages.Select(m => new { m.Id, m.Status, m.WasUncertain }).ToListAsync();
        var queued = rows.Select(r => r.Id).ToHashSet();
        var received = smtp.Messages().Select(m => Guid.TryParseExact(m.MessageId?.Split('@')[0], "n", out var id) ? id : Guid.Empty).ToList();
        var distinct = received.ToHashSet();
        return new MailFigures(
            Queued: rows.Count,
            Expected: expected,
            Received: received.Count,
            Delivered: queued.Count(distinct.Contains),
            Duplicates: received.Count - distinct.Count,
            Foreign: distinct.Count(id => !queued.Contains(id)),
            Failed: rows.Count(r => r.Status == OutboxStatus.Failed),
            Interrupted: rows.Count(r => r.WasUncertain),
            Drain: drain);
    }

    /// <summary>5xx answers as the IdP itself counted them (ASP.NET Core's http.server.request.duration on /metrics).</summary>
    private static async Task<int> ServerErrorsAsync(IdentityProviderUnderTest idp)
    {
        using var client = new HttpClient();
        var metrics = await client.GetStringAsync(new Uri(idp.BaseAddress, "/metrics"));
        // No 5xx line is the expected answer, so the metric itself must be there for it to mean "none".
        if (!metrics.Contains("http_server_request_duration_seconds_count{", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("The IdP's /metrics has no http_server_request_duration_seconds_count.");
        }
        return ServerErrorCounts().Matches(metrics).Sum(m => (int)double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"^http_server_request_duration_seconds_count\{[^}]*http_response_status_code=""5\d\d""[^}]*\} (\S+)", RegexOptions.Multiline)]
    private static partial Regex ServerErrorCounts();
}
