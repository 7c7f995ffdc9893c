using CustomerPortal.Ordering.Addresses;
using CustomerPortal.Ordering.Cart;
using CustomerPortal.Ordering.Data;
using Microsoft.EntityFrameworkCore;

namespace CustomerPortal.Ordering.Orders;

/// <summary>Cart → quote → order, and the shipping steps that follow.</summary>
public sealed class OrderDesk(OrderingDbContext db, ShoppingCart cart, TimeProvider clock)
{
    /// <summary>How long a quote's prices hold.</summary>
    public static readonly TimeSpan QuoteValidity = TimeSpan.FromDays(30);

    /// <summary>Turns the cart into a quote with the chosen addresses; null when the cart is empty.</summary>
    public async Task<Order?> QuoteCartAsync(PortalCustomer customer, AddressBookItem billing, AddressBookItem delivery)
    {
        var entries = await cart.ListAsync(customer.Id);
        if (entries.Count == 0)
        {
            return null;
        }
        var now = clock.GetUtcNow().ToUniversalTime();
        var order = new Order
        {
            // A placeholder until the id gives the number.
            Number = Guid.NewGuid().ToString("n"),
            UserId = customer.Id,
            CustomerName = customer.Name,
            CompanyName = customer.Company,
            CompanyId = customer.CompanyId,
            Status = OrderStatus.Quoted,
            QuotedAt = now,
            QuoteValidUntil = now + QuoteValidity,
            Billing = AddressOf(billing),
            Delivery = AddressOf(delivery),
            Lines = [.. entries.Select((entry, index) => new OrderLine
            {
                LineNumber = index + 1,
                ItemCode = entry.Item.Code,
                NameJa = entry.Item.Name("ja"),
                NameEn = entry.Item.Name("en"),
                UnitPrice = entry.Item.Price,
                Quantity = entry.Quantity,
                Taxable = entry.Item.Taxable,
            })],
        };
        await using var transaction = await db.Database.BeginTransactionAsync();
        db.Orders.Add(order);
        await db.SaveChangesAsync();
        order.Number = $"{now.ToOffset(Japan):yyyy}-{order.Id:D6}";
        await db.SaveChangesAsync();
        await cart.ClearAsync(customer.Id);
        await transaction.CommitAsync();
        return order;
    }

    /// <summary>The customer's orders and quotes, and those of colleagues in the same company.</summary>
    public Task<List<Order>> HistoryAsync(PortalCustomer customer) =>
        db.Orders.Where(SeenBy(customer)).OrderByDescending(o => o.Id).ToListAsync();

    /// <summary>The newest of <see cref="HistoryAsync"/>, for the app's home page.</summary>
    public Task<List<Order>> RecentAsync(PortalCustomer customer, int take) =>
        db.Orders.Where(SeenBy(customer)).OrderByDescending(o => o.Id).Take(take).ToListAsync();

    public Task<List<Order>> AllAsync(int take) =>
        db.Orders.Where(o => o.Status != OrderStatus.Quoted).OrderByDescending(o => o.Id).Take(take).ToListAsync();

    /// <summary>The order with this number, if <paramref name="viewer"/> may see it (theirs or their company's; null: staff, any).</summary>
    public Task<Order?> FindAsync(string number, PortalCustomer? viewer) =>
        viewer is null
            ? db.Orders.SingleOrDefaultAsync(o => o.Number == number)
            : db.Orders.Where(SeenBy(viewer)).SingleOrDefaultAsync(o => o.Number == number);

    /// <summary>Their own orders, and the company's, including those kept under the codes of companies merged into it.</summary>
    private static System.Linq.Expressions.Expression<Func<Order, bool>> SeenBy(PortalCustomer customer)
    {
        var (userId, companyIds) = (customer.Id, customer.CompanyIds.ToList());
        return o => o.UserId == userId || (o.CompanyId != null && companyIds.Contains(o.CompanyId));
    }

    /// <summary>
    /// Orders the customer placed before they belonged to a company (before companies existed) join
    /// their company, so colleagues see them too. Runs at each sign-in; usually changes nothing.
    /// </summary>
    public Task<int> AdoptIntoCompanyAsync(string userId, string? companyId) =>
        companyId is null
            ? Task.FromResult(0)
            : db.Orders.Where(o => o.UserId == userId && o.CompanyId == null).ExecuteUpdateAsync(o => o.SetProperty(x => x.CompanyId, companyId));

    /// <summary>The orders and open quotes kept under any of <paramref name="companyIds"/>, for the staff console's company page.</summary>
    public async Task<(int Orders, int Quotes)> CountForCompanyAsync(IReadOnlyCollection<string> companyIds)
    {
        var codes = companyIds.ToList();
        var byStatus = await db.Orders.Where(o => o.CompanyId != null && codes.Contains(o.CompanyId))
            .GroupBy(o => o.Status == OrderStatus.Quoted).Select(g => new { Quoted = g.Key, Count = g.Count() }).ToListAsync();
        return (byStatus.Where(g => !g.Quoted).Sum(g => g.Count), byStatus.Where(g => g.Quoted).Sum(g => g.Count));
    }

    /// <summary>Staff: the orders and quotes kept under any of <paramref name="companyIds"/>, newest first.</summary>
    public Task<List<Order>> OfCompanyAsync(IReadOnlyCollection<string> companyIds, int take)
    {
        var codes = companyIds.ToList();
        return db.Orders.Where(o => o.CompanyId != null && codes.Contains(o.CompanyId)).OrderByDescending(o => o.Id).Take(take).ToListAsync();
    }

    /// <summary>Confirms a quote that is still valid; false when it is no longer a quote or has expired.</summary>
    public async Task<bool> PlaceAsync(Order order)
    {
        var now = clock.GetUtcNow().ToUniversalTime();
        if (order.Status != OrderStatus.Quoted || now > order.QuoteValidUntil)
        {
            return false;
        }
        order.Status = OrderStatus.Received;
        order.OrderedAt = now;
        await db.SaveChangesAsync();
        return true;
    }

    /// <summary>Staff record the next step: received → shipped → delivered.</summary>
    public async Task<bool> AdvanceAsync(Order order)
    {
        var now = clock.GetUtcNow().ToUniversalTime();
        switch (order.Status)
        {
            case OrderStatus.Received:
                order.Status = OrderStatus.Shipped;
                order.ShippedAt = now;
                break;
            case OrderStatus.Shipped:
                order.Status = OrderStatus.Delivered;
                order.DeliveredAt = now;
                break;
            default:
                return false;
        }
        await db.SaveChangesAsync();
        return true;
    }

    /// <summary>Dates on documents are Japanese dates.</summary>
    public static readonly TimeSpan Japan = TimeSpan.FromHours(9);

    private static DocumentAddress AddressOf(AddressBookItem entry) => new()
    {
        PostalCode = entry.PostalCode,
        Prefecture = entry.Prefecture,
        City = entry.City,
        Street = entry.Street,
        Building = entry.Building,
        Company = entry.Company,
        Department = entry.Department,
        Recipient = entry.Recipient,
        Phone = entry.Phone,
    };
}
