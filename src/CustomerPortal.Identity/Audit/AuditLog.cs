using CustomerPortal.Identity.Data;
using Microsoft.EntityFrameworkCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace CustomerPortal.Identity.Audit;

/// <summary>Records security events; staff read them at /staff/audit.</summary>
public sealed class AuditLog(PortalDbContext db, TimeProvider clock, IHttpContextAccessor http)
{
    /// <summary>Adds the event to the caller's unit of work: it is kept only if the change it describes is.</summary>
    public void Add(AuditEventType type, string? userId, string? email = null, string? details = null)
    {
        var context = http.HttpContext;
        var actor = context?.User.FindFirst(Claims.Subject)?.Value;
        db.AuditEvents.Add(new AuditEvent
        {
            Id = Guid.NewGuid(),
            At = clock.GetUtcNow(),
            Type = type,
            UserId = userId,
            Email = email is { Length: > 256 } ? email[..256] : email,
            Actor = actor is not null && actor != userId ? context!.User.FindFirst(Claims.Name)?.Value ?? actor : null,
            ClientAddress = context?.Connection.RemoteIpAddress?.ToString(),
            Details = details is { Length: > 500 } ? details[..500] : details,
        });
    }

    /// <summary>Records an event that changes nothing else (a failed sign-in).</summary>
    public async Task WriteAsync(AuditEventType type, string? userId, string? email = null, string? details = null)
    {
        Add(type, userId, email, details);
        await db.SaveChangesAsync();
    }

    public async Task<List<AuditEvent>> SearchAsync(string? email, AuditEventType? type, DateOnly? from, DateOnly? to, int take = 200)
    {
        var query = db.AuditEvents.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(email))
        {
            // Addresses are stored in lower case (see InputText.NormalizeEmail).
            var address = email.Trim().ToLowerInvariant();
            var userIds = db.Users.Where(u => u.Email == address).Select(u => u.Id);
            query = query.Where(e => e.Email == address || userIds.Contains(e.UserId!));
        }
        if (type is { } wanted)
        {
            query = query.Where(e => e.Type == wanted);
        }
        if (from is { } start)
        {
            var since = new DateTimeOffset(start.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(9)).ToUniversalTime();
            query = query.Where(e => e.At >= since);
        }
        if (to is { } end)
        {
            var until = new DateTimeOffset(end.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(9)).ToUniversalTime();
            query = query.Where(e => e.At < until);
        }
        return await query.OrderByDescending(e => e.At).Take(take).ToListAsync();
    }
}
