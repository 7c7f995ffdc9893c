using CustomerPortal.Ordering.Orders;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerPortal.Ordering.Staff;

/// <summary>
/// Staff record shipping and delivery, which the customer then sees in the order history. With
/// <c>?company=</c> codes (the staff console's company page links here) the page lists that
/// company's orders and quotes instead.
/// </summary>
public sealed class StaffOrdersModel(OrderDesk desk) : PageModel
{
    public IReadOnlyList<Order> Orders { get; private set; } = [];

    [BindProperty(SupportsGet = true, Name = "company")]
    public List<string> CompanyCodes { get; set; } = [];

    public static string PathFor(IEnumerable<string> companyCodes) =>
        "/staff/orders?" + string.Join("&", companyCodes.Select(code => "company=" + Uri.EscapeDataString(code)));

    public async Task OnGetAsync()
    {
        var codes = CompanyCodes.Where(code => code is { Length: > 0 and <= 20 }).Distinct().Take(50).ToList();
        CompanyCodes = codes;
        Orders = codes.Count > 0 ? await desk.OfCompanyAsync(codes, 200) : await desk.AllAsync(200);
    }

    public async Task<IActionResult> OnPostAsync(string? number)
    {
        if (number is null || await desk.FindAsync(number, null) is not { } order)
        {
            return NotFound();
        }
        await desk.AdvanceAsync(order);
        return RedirectToPage();
    }
}
