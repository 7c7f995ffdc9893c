using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerPortal.Ordering.Orders;

/// <summary>注文履歴: the customer's quotes and orders, newest first, with their status.</summary>
public sealed class HistoryModel(OrderDesk desk) : PageModel
{
    public IReadOnlyList<Order> Orders { get; private set; } = [];

    public async Task OnGetAsync() => Orders = await desk.HistoryAsync(PortalCustomer.From(User));
}
