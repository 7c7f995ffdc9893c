using System.Globalization;
using CustomerPortal.Identity.Companies;
using CustomerPortal.Identity.Data;
using CustomerPortal.Identity.Machines;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerPortal.Identity.Staff.Companies;

/// <summary>
/// One company for staff: its members (status, roles, last sign-in), machines and notes; edit it,
/// move a member to another company, merge it into another. A merged-away code leads to the survivor.
/// </summary>
[Authorize(Policy = StaffSetup.Policy)]
public sealed class CompanyDetailModel(
    CompanyDirectory directory, CompanyAdministration administration, CompanyMachines machines, CompanyOrderCounts orderCounts,
    UserManager<PortalUser> users) : PageModel
{
    public Company Company { get; private set; } = null!;
    public IReadOnlyList<CompanyMember> Members { get; private set; } = [];
    public IReadOnlyList<MachineView> Machines { get; private set; } = [];
    public IReadOnlyList<PortalUser> Registrations { get; private set; } = [];

    /// <summary>The codes merged into this company; their orders are counted with its own.</summary>
    public IReadOnlyList<string> FormerCodes { get; private set; } = [];

    /// <summary>Per app that keeps orders: the company's orders and quotes, or that the app could not be asked.</summary>
    public IReadOnlyList<AppOrderCount> OrderCounts { get; private set; } = [];

    [BindProperty]
    public CompanyInput Input { get; set; } = new();

    [BindProperty]
    public string? MemberId { get; set; }

    [BindProperty]
    public string? TargetCode { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    public string? ErrorKey { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code)
    {
        if (await LoadAsync(code) is { } other)
        {
            return other;
        }
        Input = CompanyInput.Of(Company);
        await CountOrdersAsync();
        return Page();
    }

    public Task<IActionResult> OnPostEditAsync(string code) => ActAsync(code, async () =>
        await administration.UpdateAsync(Company, Input, StaffName) ? Finished("saved") : Refused("staff.company.error.name"));

    public Task<IActionResult> OnPostMoveAsync(string code) => ActAsync(code, async () =>
        await administration.MoveMemberAsync(Company, MemberId ?? "", TargetCode, StaffName) ? Finished("moved") : Refused("staff.company.error.target"));

    public Task<IActionResult> OnPostMergeAsync(string code) => ActAsync(code, async () =>
        await administration.MergeAsync(Company, TargetCode, StaffName) is { } survivor
            ? Redirect($"/staff/companies/{Uri.EscapeDataString(survivor.Code)}?Done=merged")
            : Refused("staff.company.error.target"));

    private string StaffName => User.Identity?.Name ?? "staff";

    private async Task<IActionResult> ActAsync(string code, Func<Task<IActionResult>> act)
    {
        if (await LoadAsync(code) is { } other)
        {
            return other;
        }
        var result = await act();
        if (result is PageResult)
        {
            await LoadAsync(code);
            await CountOrdersAsync();
        }
        return result;
    }

    private RedirectResult Finished(string what) => Redirect($"/staff/companies/{Uri.EscapeDataString(Company.Code)}?Done={what}");

    private PageResult Refused(string errorKey)
    {
        ErrorKey = errorKey;
        return Page();
    }

    /// <summary>Null when the page can show the company; else the answer (not found, or the survivor of a merge).</summary>
    private async Task<IActionResult?> LoadAsync(string code)
    {
        if (await directory.FindByCodeAsync(code) is not { } company)
        {
            return NotFound();
        }
        if (company.Code != code.Trim())
        {
            return Redirect($"/staff/companies/{Uri.EscapeDataString(company.Code)}");
        }
        Company = company;
        Members = await administration.MembersAsync(company.Id);
        Machines = await machines.OfCompanyAsync(company.Id);
        Registrations = await administration.PendingRegistrationsAsync(company);
        FormerCodes = await directory.FormerCodesAsync(company.Id);
        return null;
    }

    private async Task CountOrdersAsync() => OrderCounts = await orderCounts.ForAsync(
        [Company.Code, .. FormerCodes], users.GetUserId(User) ?? "", CultureInfo.CurrentUICulture);
}
