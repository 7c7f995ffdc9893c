using CustomerPortal.Identity.Data;
using Microsoft.EntityFrameworkCore;

namespace CustomerPortal.Identity.Staff.Notices;

public sealed class NoticeBoard(PortalDbContext db, TimeProvider clock)
{
    /// <summary>What the sign-in page shows now: published and not yet withdrawn, newest first.</summary>
    public async Task<List<Notice>> PublishedAsync()
    {
        var now = clock.GetUtcNow();
        var candidates = await db.Notices.AsNoTracking().Where(n => n.PublishFrom <= now).OrderByDescending(n => n.PublishFrom).Take(50).ToListAsync();
        return [.. candidates.Where(n => n.PublishUntil is null || n.PublishUntil > now).Take(10)];
    }

    public Task<List<Notice>> AllAsync() => db.Notices.AsNoTracking().OrderByDescending(n => n.PublishFrom).Take(200).ToListAsync();

    public Task<Notice?> FindAsync(Guid id) => db.Notices.SingleOrDefaultAsync(n => n.Id == id);
}
