using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerPortal.Ordering.Orders;

/// <summary>One quote or order: its lines, its steps with dates, its documents, and the button that confirms a quote.</summary>
public sealed class DetailModel(OrderDesk desk) : PageModel
{
    public Order Order { get; private set; } = null!;
    public string? Message { get; private set; }
    public bool Failed { get; private set; }

    /// <summary>Whether the signed-in buyer made it (only they confirm a quote; colleagues see it).</summary>
    public bool IsOwn => Order.UserId == PortalCustomer.From(User).Id;

    public async Task<IActionResult> OnGetAsync(string number)
    {
        if (await desk.FindAsync(number, PortalCustomer.From(User)) is not { } order)
        {
            return NotFound();
        }
        Order = order;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string number)
    {
        if (await desk.FindAsync(number, PortalCustomer.From(User)) is not { } order)
        {
            return NotFound();
        }
        Order = order;
        if (IsOwn && await desk.PlaceAsync(order))
        {
            Message = "ordering.order.placed";
        }
        else
        {
            Message = "ordering.order.notPlaceable";
            Failed = true;
            Response.StatusCode = StatusCodes.Status409Conflict;
        }
        return Page();
    }
}
