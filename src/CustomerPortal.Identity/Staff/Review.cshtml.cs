using CustomerPortal.Identity.Activation;
using CustomerPortal.Identity.Data;
using CustomerPortal.Identity.Machines;
using CustomerPortal.Identity.Registration;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CustomerPortal.Identity.Staff;

/// <summary>One registration: everything entered, the serial's flag, and approve (grant roles, bind serial) or reject with a reason.</summary>
[Authorize(Policy = StaffSetup.Policy)]
public sealed class ReviewModel(
    PortalDbContext db, AccountLifecycle lifecycle, ReviewQueue queue, DeviceRegistry devices, Identity.Companies.CompanyDirectory companies) : PageModel
{
    public PortalUser Registration { get; private set; } = null!;
    public PendingRegistration? Pending { get; private set; }
    public Device? Device { get; private set; }

    /// <summary>The company the registration's serial is bound to, if any.</summary>
    public Identity.Companies.Company? DeviceCompany { get; private set; }

    [BindProperty]
    public List<string> GrantedRoles { get; set; } = [];

    /// <summary>A candidate's code, <see cref="NewCompany"/>, or <see cref="OtherCompany"/> (then <see cref="OtherCode"/>).</summary>
    [BindProperty]
    public string? CompanyChoice { get; set; }

    [BindProperty]
    public string? OtherCode { get; set; }

    /// <summary>Staff confirm a company other than the one the serial is bound to.</summary>
    [BindProperty]
    public bool ConfirmOverSerial { get; set; }

    public const string NewCompany = "new";
    public const string OtherCompany = "other";

    public IReadOnlyList<Identity.Companies.CompanyCandidate> Candidates { get; private set; } = [];

    [BindProperty]
    public string? Reason { get; set; }

    public string? ErrorKey { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        GrantedRoles = [.. Registration.RequestedRoles.Select(r => r.Role)];
        // A postal code alone is shared by every company of a building: such a candidate is listed, not chosen.
        CompanyChoice = Candidates.FirstOrDefault(c => c.Reasons.Any(reason => reason != "postalCode"))?.Company.Code ?? NewCompany;
        return Page();
    }

    public async Task<IActionResult> OnPostApproveAsync(string id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        if (!GrantedRoles.Any(PortalRoles.Customer.Contains))
        {
            ErrorKey = "staff.review.error.roles";
            return Page();
        }
        var choice = CompanyChoice switch
        {
            NewCompany => new Identity.Companies.CompanyChoice(New: true),
            OtherCompany => new Identity.Companies.CompanyChoice(OtherCode),
            _ => new Identity.Companies.CompanyChoice(CompanyChoice),
        };
        if (choice is { New: false, Code: var code } && string.IsNullOrWhiteSpace(code))
        {
            ErrorKey = "staff.review.error.company";
            return Page();
        }
        var chosen = choice.New ? null : await companies.FindByCodeAsync(choice.Code);
        if (DeviceCompany is { } owner && chosen?.Id != owner.Id)
        {
            // The serial says the registrant works for another company: only an explicit choice overrides it, and the audit log says so.
            if (!ConfirmOverSerial)
            {
                ErrorKey = "staff.review.error.serialCompany";
                return Page();
            }
            choice = choice with { OverSerial = true };
        }
        await lifecycle.ApproveAsync(id, GrantedRoles, choice, User.Identity?.Name ?? "staff");
        return Redirect("/staff/registrations");
    }

    public async Task<IActionResult> OnPostRejectAsync(string id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        var reason = Account.InputText.Normalize(Reason);
        if (reason.Length is 0 or > 2000)
        {
            ErrorKey = "staff.review.error.reason";
            return Page();
        }
        await lifecycle.RejectAsync(id, reason, User.Identity?.Name ?? "staff");
        return Redirect("/staff/registrations");
    }

    private async Task<bool> LoadAsync(string id)
    {
        var user = await db.Users.Include(u => u.RequestedRoles).AsNoTracking().SingleOrDefaultAsync(u => u.Id == id);
        if (user is null)
        {
            return false;
        }
        Registration = user;
        Pending = user.Status == AccountStatus.PendingReview ? queue.Age(user) : null;
        Device = user.RegisteredSerial is { } serial ? await devices.FindAsync(serial) : null;
        DeviceCompany = await companies.FindAsync(Device?.CompanyId);
        Candidates = user.Status == AccountStatus.PendingReview ? await companies.CandidatesForAsync(user) : [];
        return true;
    }
}
