using System.Data.Common;
using System.Net;
using CustomerPortal.AppHost;
using Microsoft.Data.Sqlite;

namespace CustomerPortal.RelyingApps.Tests;

/// <summary>
/// The support app delivers its mails with the IdP's outbox algorithm: the Mail:* back-off until
/// Mail:GiveUpAfter, and a Failed state that is not retried behind staff's back. A stack of its own,
/// whose support app starts with SMTP down (the stack's other tests need theirs up).
/// </summary>
[Collection(PortalStackFixture.Collection)]
public sealed class SupportOutboxTests : IAsyncLifetime
{
    private readonly string _workFolder = Path.Combine(Path.GetTempPath(), "customer-portal-stack", Guid.NewGuid().ToString("n"));
    private SmtpServer _smtp = null!;
    private PortalStack _stack = null!;

    public async Task InitializeAsync()
    {
        _smtp = SmtpServer.Reserve(); // the port is the support app's SMTP server, which is not up yet
        _stack = await PortalStackFixture.StartStackAsync(_workFolder, _smtp, appSettings: new Dictionary<string, string>
        {
            // With the support app's old, hard-coded back-off (15 s, then 30 s) a third attempt came
            // after 45 s; with these several come within the three seconds before it gives up.
            ["Mail:GiveUpAfter"] = "00:00:03",
            ["Mail:RetryDelay"] = "00:00:00.400",
            ["Mail:MaxRetryDelay"] = "00:00:00.800",
        });
    }

    [Fact]
    public async Task MailWhileSmtpIsDown_IsRetriedOnTheConfiguredBackOff_FailedAfterGiveUpAfter_AndNotSentWhenSmtpReturns()
    {
        using var customer = AppSession.New();
        var lost = await SubmitInquiryAsync(customer, signIn: true);

        var failed = await MailRowAsync(lost, row => row.Status == "Failed");
        Assert.True(failed.Attempts >= 3, $"{failed.Attempts} attempts"); // retried on the back-off, not given up at once
        Assert.NotNull(failed.LastError);
        Assert.Equal("inquiry-acknowledgement", failed.Template);
        Assert.Contains(lost, failed.TextBody); // not delivered, so the body is kept for staff

        // SMTP is back: a new inquiry's acknowledgement arrives, so the worker has run since; the
        // failed mail was left alone, as the IdP leaves it for staff.
        await _smtp.StartAsync();
        var delivered = await SubmitInquiryAsync(customer, signIn: false);
        var received = await _smtp.WaitForAsync("buyer@example.com", 1);
        Assert.Contains(delivered, Assert.Single(received).Subject);
        var sent = await MailRowAsync(delivered, row => row.Status == "Sent");
        Assert.Equal("", sent.TextBody); // a delivered mail keeps its metadata, not its body
        Assert.Equal("Failed", (await MailRowAsync(lost, _ => true)).Status);
        Assert.Equal(failed.Attempts, (await MailRowAsync(lost, _ => true)).Attempts);
    }

    /// <summary>Sends the contact form; returns the inquiry's number.</summary>
    private async Task<string> SubmitInquiryAsync(AppSession customer, bool signIn)
    {
        var newInquiry = new Uri(_stack.Support.Address, "inquiries/new");
        var form = signIn
            ? await customer.SignInAsync(newInquiry, "buyer@example.com", "Buyer-2026")
            : (await customer.OpenAsync(newInquiry)).Page;
        var (status, sent) = await customer.SubmitAsync(form, "section.contact-form form", new()
        {
            ["Input.Category"] = "order",
            ["Input.Subject"] = "納品日の確認",
            ["Input.Details"] = "先週注文したインクの納品日を教えてください。",
        });
        Assert.Equal(HttpStatusCode.OK, status);
        return new Uri(sent.Url).Segments[^2].TrimEnd('/');
    }

    private sealed record MailRow(string Status, int Attempts, string? LastError, string Template, string TextBody);

    /// <summary>The support app's outbox row of the mail about inquiry <paramref name="number"/>, once it satisfies <paramref name="condition"/>.</summary>
    private Task<MailRow> MailRowAsync(string number, Func<MailRow, bool> condition) =>
        Eventually.GetAsync(async () => await ReadMailRowAsync(number) is { } row && condition(row) ? row : null,
            $"the support app's mail about {number} in the expected state");

    private async Task<MailRow?> ReadMailRowAsync(string number)
    {
        // The support app's own database, as the stack configures it (SQLite, or PostgreSQL in the second pass).
        await using DbConnection connection = PortalFactory.Postgres is not null
            ? new Npgsql.NpgsqlConnection($"{PortalFactory.Postgres};Database=support_{Path.GetFileName(_workFolder)}")
            : new SqliteConnection($"Data Source={Path.Combine(_workFolder, "data", "support", "support.db")};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT "Status", "Attempts", "LastError", "Template", "TextBody" FROM "OutgoingMails" WHERE "Subject" LIKE @number
            """;
        var parameter = command.CreateParameter();
        parameter.ParameterName = "number";
        parameter.Value = $"%{number}%";
        command.Parameters.Add(parameter);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync()
            ? new MailRow(reader.GetString(0), reader.GetInt32(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetString(3), reader.GetString(4))
            : null;
    }

    public async Task DisposeAsync()
    {
        await _stack.DisposeAsync();
        await _smtp.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_workFolder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
