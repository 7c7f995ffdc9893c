using Microsoft.EntityFrameworkCore;

namespace CustomerPortal.ServiceDefaults.SignOut;

/// <summary>
/// An IdP session that ended, as told by a logout token. The app's session cookie lives in the
/// browser, out of reach of the back-channel request, so the end is recorded here and the cookie
/// is refused on its next request. The token's jti is the key, so a replayed token is noticed.
/// </summary>
public class EndedSession
{
    public string TokenId { get; set; } = "";
    public string? SessionId { get; set; }
    public string? Subject { get; set; }
    public DateTimeOffset EndedAt { get; set; }
}

/// <summary>The app's DbContext keeps the ended sessions (call <see cref="EndedSessionsModel.MapEndedSessions"/> in OnModelCreating).</summary>
public interface IEndedSessionsContext
{
    DbSet<EndedSession> EndedSessions { get; }
}

public static class EndedSessionsModel
{
    public static ModelBuilder MapEndedSessions(this ModelBuilder model)
    {
        model.Entity<EndedSession>(entity =>
        {
            entity.HasKey(e => e.TokenId);
            entity.Property(e => e.TokenId).HasMaxLength(200);
            entity.Property(e => e.SessionId).HasMaxLength(200);
            entity.Property(e => e.Subject).HasMaxLength(200);
            entity.HasIndex(e => e.SessionId);
            entity.HasIndex(e => e.Subject);
        });
        return model;
    }
}

public sealed class EndedSessions(DbContext db, TimeProvider clock)
{
    /// <summary>How long an ended session is remembered: longer than any app session can live.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromDays(30);

    private DbSet<EndedSession> Set => ((IEndedSessionsContext)db).EndedSessions;

    /// <summary>Records the end; false when this logout token was seen before (a replay).</summary>
    public async Task<bool> RecordAsync(string tokenId, string? sessionId, string? subject, CancellationToken cancellationToken)
    {
        if (await Set.AnyAsync(e => e.TokenId == tokenId, cancellationToken))
        {
            return false;
        }
        var now = clock.GetUtcNow().ToUniversalTime();
        Set.Add(new EndedSession { TokenId = tokenId, SessionId = sessionId, Subject = subject, EndedAt = now });
        var forgotten = now - Retention;
        Set.RemoveRange(await Set.Where(e => e.EndedAt < forgotten).Take(100).ToListAsync(cancellationToken));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            // The same token delivered twice at once: the other delivery recorded it.
            return false;
        }
    }

    /// <summary>
    /// Whether the IdP ended this app session: by its sid, or (a token naming only the user) every
    /// session of that user that began before the end.
    /// </summary>
    public Task<bool> HasEndedAsync(string? sessionId, string? subject, DateTimeOffset sessionIssuedAt) =>
        Set.AnyAsync(e => (sessionId != null && e.SessionId == sessionId)
            || (e.SessionId == null && subject != null && e.Subject == subject && e.EndedAt > sessionIssuedAt));
}
