using CustomerPortal.Identity.Companies;
using CustomerPortal.Identity.Data;
using CustomerPortal.Identity.Machines;
using CustomerPortal.Identity.Staff.Notices;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerPortal.Identity.Home;

/// <summary>
/// The portal's home page. Signed in, a customer finds what concerns their roles: ordering (supplies
/// buyers: the latest orders are in the ordering app's home), the company's machines the IdP keeps, and
/// inquiries (their open ones are in the support app's home); staff find their console.
/// </summary>
[AllowAnonymous]
public sealed class HomeModel(UserManager<PortalUser> users, CompanyMachines companyMachines, NoticeBoard noticeBoard) : PageModel
{
    public PortalUser? Account { get; private set; }
    public IReadOnlySet<string> Roles { get; private set; } = new HashSet<string>();
    public IReadOnlyList<MachineView> Machines { get; private set; } = [];
    public IReadOnlyList<Notice> Notices { get; private set; } = [];

    /// <summary>A customer's cards (ordering, machines, inquiries); staff accounts without a customer role see only their console.</summary>
    public bool IsCustomer => Roles.Any(PortalRoles.Customer.Contains) || !Roles.Any(PortalRoles.Vendor.Contains);

    public bool IsStaff => Roles.Contains(PortalRoles.Staff) || Roles.Contains(PortalRoles.Admin);

    public async Task OnGetAsync()
    {
        if (User.Identity?.IsAuthenticated != true || await users.GetUserAsync(User) is not { } account)
        {
            return;
        }
        Account = account;
        Roles = (await users.GetRolesAsync(account)).ToHashSet(StringComparer.Ordinal);
        if (IsCustomer)
        {
            Machines = await companyMachines.OfMemberAsync(account);
        }
        Notices = await noticeBoard.PublishedAsync();
    }
}
