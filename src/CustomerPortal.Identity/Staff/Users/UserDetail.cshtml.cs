using CustomerPortal.Identity.Account.Preferences;
using CustomerPortal.Identity.Data;
using CustomerPortal.Identity.Machines;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CustomerPortal.Identity.Staff.Users;

/// <summary>A customer as staff see it: status, requested and granted roles, machines, and the actions of user help.</summary>
[Authorize(Policy = StaffSetup.Policy)]
public sealed class UserDetailModel(
    PortalDbContext db, UserManager<PortalUser> users, UserMachines machines, UserAdministration administration,
    Account.Preferences.ContactPreferences preferences, Account.SecondFactor.TwoStepSettings twoStep, Account.Passkeys.AccountPasskeys passkeys)
    : PageModel
{
    public PortalUser Customer { get; private set; } = null!;
    public IList<string> GrantedRoles { get; private set; } = [];
    public IReadOnlyList<MachineView> Machines { get; private set; } = [];
    public bool LockedOut { get; private set; }
    public bool IsAdmin { get; private set; }
    public int RecoveryCodesLeft { get; private set; }

    /// <summary>The user's passkeys as their own list shows them (names and dates, no keys).</summary>
    public IReadOnlyList<Account.Passkeys.PasskeyView> Passkeys { get; private set; } = [];

    public Identity.Companies.Company? Company { get; private set; }

    public bool HasSecondFactor => Customer.TwoFactorEnabled || Passkeys.Count > 0;

    /// <summary>When an authenticator code was last accepted (the start of its 30-second step).</summary>
    public DateTimeOffset? AuthenticatorLastUsed => Customer.LastAuthenticatorStep is { } step ? DateTimeOffset.FromUnixTimeSeconds(step * 30) : null;

    /// <summary>False for a member of staff looking at a staff or admin account: only admins act on those.</summary>
    public bool MayAct { get; private set; }

    /// <summary>Every change of the contact preferences, so that staff can show what was consented to, when and where.</summary>
    public IReadOnlyList<ContactPreferenceChange> PreferenceHistory { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    public async Task<IActionResult> OnGetAsync(string id) => await LoadAsync(id) ? Page() : NotFound();

    public Task<IActionResult> OnPostLockAsync(string id) =>
        ActAsync(id, "locked", user => administration.LockAsync(
            user, User.FindFirst(OpenIddict.Abstractions.OpenIddictConstants.Claims.Name)?.Value ?? users.GetUserId(User)!));

    public Task<IActionResult> OnPostUnlockAsync(string id) => ActAsync(id, "unlocked", administration.UnlockAsync);

    public Task<IActionResult> OnPostEndSessionsAsync(string id) => ActAsync(id, "sessionsEnded", administration.EndSessionsAsync);

    public Task<IActionResult> OnPostResendAsync(string id) =>
        ActAsync(id, "resent", async user => { if (!await administration.ResendActivationAsync(user)) { Done = "nothingToResend"; } });

    /// <summary>Second factors off (a lost phone): only admins may for staff and admin accounts, as for every action here.</summary>
    public Task<IActionResult> OnPostResetSecondFactorsAsync(string id) => ActAsync(id, "secondFactorsReset", twoStep.ResetByStaffAsync);

    public Task<IActionResult> OnPostRolesAsync(string id, List<string> roles) =>
        ActAsync(id, "rolesChanged", user => administration.SetRolesAsync(user, roles, User.IsInRole(PortalRoles.Admin)));

    private async Task<IActionResult> ActAsync(string id, string done, Func<PortalUser, Task> action)
    {
        if (await users.FindByIdAsync(id) is not { } user)
        {
            return NotFound();
        }
        if (!await administration.MayActOnAsync(User, user))
        {
            await administration.RecordRefusalAsync(user, done);
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        Done = done;
        await action(user);
        return RedirectToPage(new { id, done = Done });
    }

    private async Task<bool> LoadAsync(string id)
    {
        if (await db.Users.Include(u => u.RequestedRoles).SingleOrDefaultAsync(u => u.Id == id) is not { } user)
        {
            return false;
        }
        Customer = user;
        GrantedRoles = await users.GetRolesAsync(user);
        Machines = await machines.ListAsync(user.Id);
        LockedOut = administration.IsLockedOut(user);
        IsAdmin = User.IsInRole(PortalRoles.Admin);
        MayAct = await administration.MayActOnAsync(User, user);
        PreferenceHistory = await preferences.HistoryAsync(user.Id);
        RecoveryCodesLeft = user.TwoFactorEnabled ? await users.CountRecoveryCodesAsync(user) : 0;
        Passkeys = await passkeys.ListAsync(user);
        Company = user.CompanyId is { } companyId ? await db.Companies.AsNoTracking().SingleOrDefaultAsync(c => c.Id == companyId) : null;
        return true;
    }
}
