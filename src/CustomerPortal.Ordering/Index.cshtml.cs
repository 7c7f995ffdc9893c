using CustomerPortal.Ordering.Cart;
using CustomerPortal.Ordering.Orders;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerPortal.Ordering;

/// <summary>
/// The app's home: a buyer sees the company's latest quotes and orders and the way to the catalog and the
/// cart; staff go to the orders to ship; anyone else learns which role is needed.
/// </summary>
public sealed class IndexModel(OrderDesk desk, ShoppingCart cart) : PageModel
{
    public const int RecentCount = 5;

    public IReadOnlyList<Order> RecentOrders { get; private set; } = [];
    public int CartCount { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!User.IsInRole(PortalRoles.SuppliesBuyer))
        {
            return Redirect(User.IsInRole(PortalRoles.Staff) ? "/staff/orders" : "/access-denied");
        }
        var customer = PortalCustomer.From(User);
        RecentOrders = await desk.RecentAsync(customer, RecentCount);
        CartCount = await cart.CountAsync(customer.Id);
        return Page();
    }
}
