using CustomerPortal.Identity.Audit;
using CustomerPortal.Identity.Data;
using CustomerPortal.ServiceDefaults.Mail;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CustomerPortal.Identity.Staff.Outbox;

/// <summary>
/// Mails not delivered yet (pending, failed, or uncertain from older versions), which staff retry, and delivered mails
/// whose delivery had been interrupted, which may have arrived twice.
/// </summary>
[Authorize(Policy = StaffSetup.Policy)]
public sealed class OutboxPageModel(PortalDbContext db, MailSignal signal, AuditLog audit, TimeProvider clock) : PageModel
{
    public IReadOnlyList<OutboxMessage> Messages { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public bool Retried { get; set; }

    public async Task OnGetAsync() =>
        Messages = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.Status != OutboxStatus.Sent || m.WasUncertain)
            .OrderByDescending(m => m.Status == OutboxStatus.Failed || m.Status == OutboxStatus.Uncertain)
            .ThenBy(m => m.CreatedAt)
            .Take(200)
            .ToListAsync();

    public async Task<IActionResult> OnPostRetryAsync(Guid id)
    {
        var now = clock.GetUtcNow();
        var retried = await db.OutboxMessages
            .Where(m => m.Id == id && (m.Status == OutboxStatus.Failed || m.Status == OutboxStatus.Uncertain || m.Status == OutboxStatus.Pending))
            .ExecuteUpdateAsync(set => set
                .SetProperty(m => m.Status, OutboxStatus.Pending)
                .SetProperty(m => m.NextAttemptAt, now)
                .SetProperty(m => m.Attempts, 0));
        if (retried == 1)
        {
            var message = await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id);
            await audit.WriteAsync(AuditEventType.MailRetried, message.UserId, message.Recipient, message.Template);
            signal.Notify();
        }
        return RedirectToPage(new { retried = true });
    }
}
