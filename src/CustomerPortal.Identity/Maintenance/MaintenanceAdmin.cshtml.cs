using System.Globalization;
using CustomerPortal.Identity.Audit;
using CustomerPortal.Identity.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerPortal.Identity.Maintenance;

/// <summary>Admins switch maintenance on (with a message in both languages and an expected end) and off.</summary>
[Authorize(Roles = PortalRoles.Admin)]
public sealed class MaintenanceAdminModel(PortalDbContext db, MaintenanceMode mode, AuditLog audit) : PageModel
{
    public MaintenanceState State { get; private set; } = new();

    [BindProperty]
    public string? MessageJa { get; set; }

    [BindProperty]
    public string? MessageEn { get; set; }

    /// <summary>Japan time, from a datetime-local input.</summary>
    [BindProperty]
    public string? ExpectedEnd { get; set; }

    public async Task OnGetAsync()
    {
        State = await mode.CurrentAsync();
        MessageJa = State.MessageJa;
        MessageEn = State.MessageEn;
        ExpectedEnd = State.ExpectedEnd?.ToOffset(TimeSpan.FromHours(9)).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
    }

    public async Task<IActionResult> OnPostOnAsync()
    {
        DateTimeOffset? end = DateTime.TryParseExact(ExpectedEnd, "yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? new DateTimeOffset(local, TimeSpan.FromHours(9)).ToUniversalTime()
            : null;
        await mode.SetAsync(db, true, (MessageJa ?? "").Trim(), (MessageEn ?? "").Trim(), end, User.Identity?.Name);
        await audit.WriteAsync(AuditEventType.MaintenanceChanged, null, details: "on");
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostOffAsync()
    {
        var current = await mode.CurrentAsync();
        await mode.SetAsync(db, false, current.MessageJa, current.MessageEn, null, User.Identity?.Name);
        await audit.WriteAsync(AuditEventType.MaintenanceChanged, null, details: "off");
        return RedirectToPage();
    }
}
