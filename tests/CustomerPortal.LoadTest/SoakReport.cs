namespace CustomerPortal.LoadTest;

/// <summary>
/// The outbox against the SMTP server's maildir: <paramref name="Queued"/> rows, <paramref name="Expected"/> from the
/// successful registrations and reset requests, <paramref name="Received"/> copies of which <paramref name="Delivered"/>
/// distinct queued ones, <paramref name="Foreign"/> Message-Ids the outbox never had.
/// </summary>
public sealed record MailFigures(int Queued, int Expected, int Received, int Delivered, int Duplicates, int Foreign, int Failed, int Interrupted,
    TimeSpan? Drain)
{
    public int Missing => Queued - Delivered;
}

/// <summary>The IdP's resident set (MiB) after the warm-up, half-way and when the load stopped.</summary>
public sealed record MemoryFigures(double Start, double Middle, double End)
{
    public const double Tolerance = 0.10;

    public double Growth => (End - Start) / Start;
}

public sealed record SoakReport(SoakSettings Settings, TimeSpan Elapsed, ScenarioResult[] WarmUp, ScenarioResult[] Results, int ServerErrors,
    int ErrorsLogged, MailFigures Mail, MemoryFigures Memory, int SmtpStops)
{
    /// <summary>Failed requests other than 5xx (a refused form, a sign-in that gave no token, a timeout), warm-up included.</summary>
    public int FailedRequests => WarmUp.Concat(Results).Sum(r => r.Errors);

    public IEnumerable<(string Requirement, bool Met, string Figures)> Verdicts()
    {
        yield return ("no 5xx answer", ServerErrors == 0, $"{ServerErrors} 5xx");
        yield return ("no other error", FailedRequests == 0 && ErrorsLogged == 0,
            $"{FailedRequests} failed requests, {ErrorsLogged} errors in the IdP's log");
        yield return ("every mail-sending request queued its mail", Mail.Queued == Mail.Expected,
            $"{Mail.Queued} queued for {Mail.Expected} successful registrations and reset requests");
        yield return ("every queued mail delivered once SMTP is back", Mail.Drain is not null && Mail.Missing == 0 && Mail.Foreign == 0 && Mail.Failed == 0,
            $"{Mail.Delivered} of {Mail.Queued} delivered, {Mail.Failed} failed, " +
            (Mail.Drain is { } drain ? $"outbox empty {drain.TotalSeconds:F0} s after the load" : $"outbox not empty after {Settings.DrainLimit}"));
        // Killing the SMTP server can cut one delivery after the server stored the mail and before the IdP heard so: the
        // IdP sends it again with the same Message-Id. It sends one mail at a time, so each outage makes at most one repeat.
        yield return ("duplicates only of interrupted deliveries", Mail.Duplicates <= SmtpStops + Mail.Interrupted,
            $"{Mail.Duplicates} duplicate(s), {SmtpStops} SMTP stops, {Mail.Interrupted} mail(s) the IdP marked interrupted");
        yield return ($"memory growth under {MemoryFigures.Tolerance:P0}", Memory.Growth < MemoryFigures.Tolerance,
            $"{Memory.Start:F0} → {Memory.Middle:F0} → {Memory.End:F0} MiB, {Memory.Growth:+0.0%;-0.0%}");
    }

    public bool AllMet => Verdicts().All(v => v.Met);

    public void Print()
    {
        Console.WriteLine();
        Console.WriteLine($"Soak: {Elapsed.TotalMinutes:F1} min after {Settings.WarmUp.TotalSeconds:F0} s of warm-up, " +
            $"{Settings.ClientsPerKind} clients per kind, SMTP stopped {SmtpStops} times for {Settings.SmtpPeriod.TotalSeconds:F0} s");
        Console.WriteLine($"{"requests",-26} {"count",8} {"req/s",8} {"p50 ms",9} {"p99 ms",9} {"errors",7}");
        foreach (var result in Results)
        {
            Console.WriteLine($"{result.Name,-26} {result.Requests,8} {result.RequestsPerSecond,8:F1} {result.P50.TotalMilliseconds,9:F1} " +
                $"{result.P99.TotalMilliseconds,9:F1} {result.Errors,7}");
        }
        Console.WriteLine($"{"warm-up (all kinds)",-26} {WarmUp.Sum(r => r.Requests),8} {"",8} {"",9} {"",9} {WarmUp.Sum(r => r.Errors),7}");
        Console.WriteLine($"Mail: {Mail.Queued} queued (expected {Mail.Expected}), {Mail.Received} received by SMTP, {Mail.Delivered} distinct queued ones, " +
            $"{Mail.Duplicates} duplicate(s), {Mail.Foreign} unknown, {Mail.Failed} failed");
        Console.WriteLine($"IdP resident memory (VmRSS): start {Memory.Start:F0} MiB, middle {Memory.Middle:F0} MiB, end {Memory.End:F0} MiB");
        Console.WriteLine();
        foreach (var (requirement, met, figures) in Verdicts())
        {
            Console.WriteLine($"{requirement,-48} {(met ? "met" : "MISSED"),-7} {figures}");
        }
    }
}
