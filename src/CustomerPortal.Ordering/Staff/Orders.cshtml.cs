using CustomerPortal.Ordering.Orders;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerPortal.Ordering.Staff;

/// <summary>Staff record shipping and delivery, which the customer then sees in the order history.</summary>
public sealed class StaffOrdersModel(OrderDesk desk) : PageModel
{
    public IReadOnlyList<Order> Orders { get; private set; } = [];

    public async Task OnGetAsync() => Orders = await desk.AllAsync(200);

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
