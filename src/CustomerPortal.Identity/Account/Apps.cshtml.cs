using System.Globalization;
using CustomerPortal.Identity.Connect;
using CustomerPortal.Identity.Connect.Sessions;
using CustomerPortal.Identity.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerPortal.Identity.Account;

/// <summary>
/// Sessions and connected apps: each app the user signed in to, with a button that takes its
/// access away, and the browsers signed in, with one button that signs out all but this one.
/// </summary>
public sealed class AppsModel(
    UserManager<PortalUser> users, ConnectedApps apps, GrantRevocation grants, BrowserSessions sessions,
    EmailChange emailChange, Audit.AuditLog audit) : PageModel
{
    public IReadOnlyList<ConnectedApp> Apps { get; private set; } = [];
    public IReadOnlyList<UserSession> Sessions { get; private set; } = [];
    public string? ThisSession => User.FindFirst(PortalClaimTypes.SessionId)?.Value;

    [BindProperty(SupportsGet = true)]
    public string? Revoked { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool OthersEnded { get; set; }

    public async Task OnGetAsync()
    {
        var userId = users.GetUserId(User)!;
        Apps = await apps.ListAsync(userId, CultureInfo.CurrentUICulture);
        Sessions = await sessions.ListActiveAsync(userId);
    }

    public async Task<IActionResult> OnPostEndOtherSessionsAsync()
    {
        var userId = users.GetUserId(User)!;
        await sessions.EndAllForUserAsync(userId, keep: ThisSession);
        await emailChange.CancelPendingAsync((await users.FindByIdAsync(userId))!);
        await audit.WriteAsync(Audit.AuditEventType.SessionsEnded, userId, details: "other sessions, by the user");
        return RedirectToPage(new { othersEnded = true });
    }

    public async Task<IActionResult> OnPostRevokeAsync(string clientId)
    {
        await grants.RevokeClientAsync(users.GetUserId(User)!, clientId);
        await audit.WriteAsync(Audit.AuditEventType.AppRevoked, users.GetUserId(User), details: clientId);
        return RedirectToPage(new { revoked = clientId });
    }
}
