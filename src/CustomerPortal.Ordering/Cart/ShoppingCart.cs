using CustomerPortal.Ordering.Catalog;
using CustomerPortal.Ordering.Data;
using Microsoft.EntityFrameworkCore;

namespace CustomerPortal.Ordering.Cart;

/// <summary>A cart line with its catalog item.</summary>
public sealed record CartEntry(CatalogItem Item, int Quantity)
{
    public long Amount => Item.Price * Quantity;
}

/// <summary>The user's cart, kept in the database so it survives sign-out and other devices.</summary>
public sealed class ShoppingCart(OrderingDbContext db, SuppliesCatalog catalog)
{
    public async Task<IReadOnlyList<CartEntry>> ListAsync(string userId)
    {
        var lines = await db.CartLines.Where(l => l.UserId == userId).ToListAsync();
        return [.. lines
            .Select(l => catalog.Find(l.ItemCode) is { } item ? new CartEntry(item, l.Quantity) : null)
            .OfType<CartEntry>()
            .OrderBy(e => Array.IndexOf(SuppliesCatalog.Categories, e.Item.Category))
            .ThenBy(e => e.Item.Price)
            .ThenBy(e => e.Item.Code, StringComparer.Ordinal)];
    }

    /// <summary>How many pieces the cart holds (the quantities added up), as the cart links show it.</summary>
    public async Task<int> CountAsync(string userId) => (await ListAsync(userId)).Sum(e => e.Quantity);

    /// <summary>Adds to the quantity already in the cart, up to the maximum per item.</summary>
    public async Task AddAsync(string userId, CatalogItem item, int quantity)
    {
        var line = await db.CartLines.FindAsync(userId, item.Code);
        if (line is null)
        {
            db.CartLines.Add(new CartLine { UserId = userId, ItemCode = item.Code, Quantity = Math.Min(quantity, SuppliesCatalog.MaxQuantity) });
        }
        else
        {
            line.Quantity = Math.Min(line.Quantity + quantity, SuppliesCatalog.MaxQuantity);
        }
        await db.SaveChangesAsync();
    }

    public async Task SetQuantityAsync(string userId, string itemCode, int quantity)
    {
        if (await db.CartLines.FindAsync(userId, itemCode) is { } line)
        {
            line.Quantity = quantity;
            await db.SaveChangesAsync();
        }
    }

    public Task RemoveAsync(string userId, string itemCode) =>
        db.CartLines.Where(l => l.UserId == userId && l.ItemCode == itemCode).ExecuteDeleteAsync();

    public Task ClearAsync(string userId) => db.CartLines.Where(l => l.UserId == userId).ExecuteDeleteAsync();
}
