using CustomerPortal.Identity.Data;
using Microsoft.EntityFrameworkCore;

namespace CustomerPortal.Identity.Account.Addresses;

/// <summary>
/// One user's address book, for the settings pages and the API alike. Every query is scoped to
/// the user, so another user's entry is simply not found.
/// </summary>
public sealed class AddressBook(PortalDbContext db, TimeProvider clock)
{
    public const int MaxEntries = 100;

    public Task<List<AddressBookEntry>> ListAsync(string userId) =>
        db.AddressBook.AsNoTracking().Where(e => e.UserId == userId)
            .OrderByDescending(e => e.IsDefaultBilling).ThenByDescending(e => e.IsDefaultDelivery).ThenBy(e => e.Label)
            .ToListAsync();

    public Task<AddressBookEntry?> FindAsync(string userId, Guid id) =>
        db.AddressBook.AsNoTracking().SingleOrDefaultAsync(e => e.UserId == userId && e.Id == id);

    /// <summary>Adds a validated entry; null when the book is full.</summary>
    public async Task<AddressBookEntry?> CreateAsync(string userId, AddressInput input)
    {
        if (await db.AddressBook.CountAsync(e => e.UserId == userId) >= MaxEntries)
        {
            return null;
        }
        var entry = new AddressBookEntry { Id = Guid.NewGuid(), UserId = userId, CreatedAt = clock.GetUtcNow() };
        input.CopyTo(entry);
        entry.UpdatedAt = entry.CreatedAt;
        db.AddressBook.Add(entry);
        await KeepOneDefaultAsync(entry);
        await db.SaveChangesAsync();
        return entry;
    }

    public async Task<AddressBookEntry?> UpdateAsync(string userId, Guid id, AddressInput input)
    {
        var entry = await db.AddressBook.SingleOrDefaultAsync(e => e.UserId == userId && e.Id == id);
        if (entry is null)
        {
            return null;
        }
        input.CopyTo(entry);
        entry.UpdatedAt = clock.GetUtcNow();
        await KeepOneDefaultAsync(entry);
        await db.SaveChangesAsync();
        return entry;
    }

    public async Task<bool> DeleteAsync(string userId, Guid id) =>
        await db.AddressBook.Where(e => e.UserId == userId && e.Id == id).ExecuteDeleteAsync() == 1;

    /// <summary>A new default billing (or delivery) entry takes the mark from the previous one.</summary>
    private async Task KeepOneDefaultAsync(AddressBookEntry entry)
    {
        var others = await db.AddressBook.Where(e => e.UserId == entry.UserId && e.Id != entry.Id).ToListAsync();
        foreach (var other in others)
        {
            other.IsDefaultBilling &= !entry.IsDefaultBilling;
            other.IsDefaultDelivery &= !entry.IsDefaultDelivery;
        }
    }
}
