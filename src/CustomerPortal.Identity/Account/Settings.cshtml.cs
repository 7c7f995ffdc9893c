using CustomerPortal.Identity.Account.Addresses;
using CustomerPortal.Identity.Account.Preferences;
using CustomerPortal.Identity.Data;
using CustomerPortal.Identity.Machines;
using CustomerPortal.Identity.Theming;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CustomerPortal.Identity.Account;

/// <summary>
/// アカウント設定 (guide section 5): user info, email, machines, address book and contact
/// preferences. Each section shows its data and opens for editing with its pencil (?edit=...).
/// </summary>
public sealed class SettingsModel(
    UserManager<PortalUser> users,
    UserMachines machines,
    AddressBook addressBook,
    ContactPreferences preferences,
    EmailChange emailChange,
    PortalDbContext db,
    Companies.CompanyMachines companyMachines,
    Staff.Companies.CompanyAdministration companies) : PageModel
{
    public PortalUser Account { get; private set; } = null!;
    /// <summary>The company's machines and those the user listed; only the latter can be removed here.</summary>
    public IReadOnlyList<MachineView> Machines { get; private set; } = [];
    public IReadOnlySet<string> OwnSerials { get; private set; } = new HashSet<string>();

    /// <summary>The company the user belongs to, as staff set it up (null until the registration is approved).</summary>
    public Companies.Company? Company { get; private set; }

    /// <summary>The company's members with their roles: for the 責任者 (equipment-purchaser) only.</summary>
    public IReadOnlyList<Staff.Companies.CompanyMember>? Members { get; private set; }
    public IReadOnlyList<AddressBookEntry> Addresses { get; private set; } = [];
    public IReadOnlyList<ContactPreferenceChange> PreferenceHistory { get; private set; } = [];
    public bool CanEditMachines { get; private set; }

    /// <summary>The roles granted to the account (by the reviewer or staff), customer roles first in the guide's order.</summary>
    public IReadOnlyList<string> GrantedRoles { get; private set; } = [];

    /// <summary>Roles asked for at registration that were not granted: the customer can tell why a service is missing.</summary>
    public IReadOnlyList<string> RolesNotGranted { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? Edit { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Saved { get; set; }

    [BindProperty]
    public ProfileInput Profile { get; set; } = new();

    [BindProperty]
    public string? NewEmail { get; set; }

    [BindProperty]
    public string? CurrentPassword { get; set; }

    [BindProperty]
    public string? Serial { get; set; }

    [BindProperty]
    public bool NewsByEmail { get; set; }

    [BindProperty]
    public bool NewsByPhone { get; set; }

    public FieldErrors Errors { get; private set; } = new();

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadAsync();
        Profile = ProfileInput.From(Account);
        NewsByEmail = Account.ProductNewsByEmail;
        NewsByPhone = Account.ProductNewsByPhone;
        return Page();
    }

    public async Task<IActionResult> OnPostProfileAsync()
    {
        await LoadAsync();
        Profile.Normalize();
        Errors = Profile.Validate();
        if (!Errors.IsEmpty)
        {
            Edit = "profile";
            return Page();
        }
        var languageBefore = Account.Locale;
        Profile.CopyTo(Account);
        await users.UpdateAsync(Account);
        if (Account.Locale != languageBefore)
        {
            // A new language applies at once to these pages, not only to emails; saving other
            // fields leaves the language this browser shows alone.
            LocalizationSetup.RememberLanguage(HttpContext, Account.Locale);
        }
        return Done("profile");
    }

    public async Task<IActionResult> OnPostEmailAsync()
    {
        await LoadAsync();
        var email = InputText.NormalizeEmail(NewEmail);
        switch (await emailChange.RequestAsync(Account, email, CurrentPassword))
        {
            case EmailChangeRequest.Sent:
                return Done("email");
            case EmailChangeRequest.WrongPassword:
                Errors.Add(nameof(CurrentPassword), "settings.error.currentPassword");
                break;
            case EmailChangeRequest.LockedOut:
                Errors.Add(nameof(CurrentPassword), "settings.error.currentPasswordLocked");
                break;
            case EmailChangeRequest.Throttled:
                Errors.Add(nameof(CurrentPassword), "error.throttled");
                break;
            case EmailChangeRequest.SameAddress:
                Errors.Add(nameof(NewEmail), "settings.error.sameEmail");
                break;
            default:
                Errors.Add(nameof(NewEmail), "register.error.email");
                break;
        }
        NewEmail = email;
        Edit = "email";
        return Page();
    }

    public async Task<IActionResult> OnPostAddMachineAsync()
    {
        await LoadAsync();
        if (!CanEditMachines)
        {
            return Forbid();
        }
        switch (await machines.AddAsync(Account, Serial))
        {
            case MachineChange.Added:
                return Done("machines");
            case MachineChange.AlreadyListed:
                Errors.Add(nameof(Serial), "settings.error.machineListed");
                break;
            default:
                Errors.Add(nameof(Serial), "register.error.serial");
                break;
        }
        Edit = "machines";
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveMachineAsync(string serial)
    {
        await LoadAsync();
        if (!CanEditMachines)
        {
            return Forbid();
        }
        await machines.RemoveAsync(Account.Id, serial);
        return Done("machines");
    }

    public async Task<IActionResult> OnPostPreferencesAsync()
    {
        await LoadAsync();
        preferences.Set(Account, NewsByEmail, NewsByPhone, ContactPreferences.SettingsChannel);
        await users.UpdateAsync(Account);
        return Done("preferences");
    }

    private RedirectToPageResult Done(string section) => RedirectToPage(new { saved = section });

    private async Task LoadAsync()
    {
        Account = await users.GetUserAsync(User) ?? throw new InvalidOperationException("The signed-in user no longer exists.");
        var granted = await users.GetRolesAsync(Account);
        GrantedRoles = [.. PortalRoles.All.Where(granted.Contains)];
        CanEditMachines = GrantedRoles.Contains(PortalRoles.EquipmentOperator);
        var requested = await db.RequestedRoles.Where(r => r.UserId == Account.Id).Select(r => r.Role).ToListAsync();
        RolesNotGranted = [.. PortalRoles.Customer.Where(role => requested.Contains(role) && !granted.Contains(role))];
        OwnSerials = (await machines.ListAsync(Account.Id)).Select(m => m.Serial).ToHashSet();
        Machines = await companyMachines.OfMemberAsync(Account);
        Company = Account.CompanyId is { } companyId ? await db.Companies.AsNoTracking().SingleOrDefaultAsync(c => c.Id == companyId) : null;
        Members = Company is not null && GrantedRoles.Contains(PortalRoles.EquipmentPurchaser)
            ? [.. (await companies.MembersAsync(Company.Id)).Where(m => m.User.Status == AccountStatus.Active)]
            : null;
        Addresses = await addressBook.ListAsync(Account.Id);
        PreferenceHistory = await preferences.HistoryAsync(Account.Id);
    }
}
