using System.Globalization;
using CustomerPortal.Identity.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerPortal.Identity.Account;

/// <summary>Connected apps: each app the user signed in to, and a button that takes its access away.</summary>
public sealed class AppsModel(UserManager<PortalUser> users, ConnectedApps apps, GrantRevocation grants, Staff.Audit.AuditLog audit) : PageModel
{
    public IReadOnlyList<ConnectedApp> Apps { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? Revoked { get; set; }

    public async Task OnGetAsync() => Apps = await apps.ListAsync(users.GetUserId(User)!, CultureInfo.CurrentUICulture);

    public async Task<IActionResult> OnPostRevokeAsync(string clientId)
    {
        await grants.RevokeClientAsync(users.GetUserId(User)!, clientId);
        await audit.WriteAsync(Staff.Audit.AuditEventType.AppRevoked, users.GetUserId(User), details: clientId);
        return RedirectToPage(new { revoked = clientId });
    }
}
