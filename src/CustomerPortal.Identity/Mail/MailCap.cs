using CustomerPortal.Identity.Audit;
using CustomerPortal.Identity.Data;
using CustomerPortal.Identity.Registration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CustomerPortal.Identity.Mail;

/// <summary>
/// A cap on the mails anyone can cause to be sent to an address they need not own (the
/// already-registered notice, reset links, resent activation links, email-change links):
/// <see cref="RegistrationOptions.MailsPerRecipientPerHour"/> of one kind to one recipient per
/// hour, counted in the outbox itself, so every kind is capped the same way and nothing else
/// needs storing. Past the cap the caller answers the same and queues nothing; the audit says so.
/// </summary>
/// <remarks>
/// The count and the enqueue are one turn: the caller takes <see cref="WaitTurnAsync"/> before its
/// transaction begins (SQLite's begins with the write lock) and keeps it until it has committed, so
/// simultaneous requests of this process queue one after the other and cannot all see room under
/// the cap. Nodes sharing a PostgreSQL database each take their own turns, so there the cap may
/// be passed by at most one mail per other node that asks at the same instant.
/// </remarks>
public sealed class MailCap(PortalDbContext db, MailCapTurns turns, TimeProvider clock, IOptions<RegistrationOptions> options, AuditLog audit,
    ILogger<MailCap> logger)
{
    /// <summary>Waits until no other request of this process is counting or queuing this kind of mail to this recipient.</summary>
    public async Task<Turn> WaitTurnAsync(string kind, string recipient)
    {
        var gate = turns.For(kind, recipient);
        await gate.WaitAsync();
        return new Turn(this, gate, kind, recipient);
    }

    private async Task<bool> AllowsAsync(string kind, string recipient, string? userId)
    {
        var limit = options.Value.MailsPerRecipientPerHour;
        var since = clock.GetUtcNow().AddHours(-1);
        var recent = await db.OutboxMessages.CountAsync(m => m.Recipient == recipient && m.Template == kind && m.CreatedAt > since);
        if (recent < limit)
        {
            return true;
        }
        logger.LogWarning("Mail {Template} to user {UserId} not sent: {Count} of that kind to the recipient in the last hour", kind, userId, recent);
        await audit.WriteAsync(AuditEventType.MailCapped, userId, recipient, $"mail of kind {kind} not sent: cap of {limit} per hour reached");
        return false;
    }

    /// <summary>Held from the count to the commit of the mail; disposing it lets the next request count.</summary>
    public sealed class Turn(MailCap cap, SemaphoreSlim gate, string kind, string recipient) : IDisposable
    {
        private bool _released;

        /// <summary>Whether one more mail of this kind may go to this recipient; when not, the audit records it (and is saved at once).</summary>
        public Task<bool> AllowsAsync(string? userId = null) => cap.AllowsAsync(kind, recipient, userId);

        public void Dispose()
        {
            if (!_released)
            {
                _released = true;
                gate.Release();
            }
        }
    }
}

/// <summary>The turns of <see cref="MailCap"/>, shared by the requests of this process: a fixed set of gates, chosen by kind and recipient.</summary>
public sealed class MailCapTurns
{
    private readonly SemaphoreSlim[] _gates = [.. Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1))];

    public SemaphoreSlim For(string kind, string recipient) =>
        _gates[(int)((uint)StringComparer.OrdinalIgnoreCase.GetHashCode($"{kind}\n{recipient}") % (uint)_gates.Length)];
}
