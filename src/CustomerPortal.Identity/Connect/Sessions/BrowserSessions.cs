using System.Collections.Immutable;
using System.Security.Claims;
using System.Security.Cryptography;
using CustomerPortal.Identity.Account;
using CustomerPortal.Identity.Data;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace CustomerPortal.Identity.Connect.Sessions;

/// <summary>
/// Starts, tracks and ends IdP sessions. Ending one (sign-out, password change, staff action)
/// revokes the grants made in it and sends a back-channel logout token to every client of that
/// session that asked for one.
/// </summary>
public sealed class BrowserSessions(
    PortalDbContext db, LogoutNotifier notifier, IOpenIddictAuthorizationManager authorizations, GrantRevocation grants, TimeProvider clock)
{
    public async Task<string> StartAsync(string userId)
    {
        var sid = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        db.UserSessions.Add(new UserSession { Id = sid, UserId = userId, CreatedAt = clock.GetUtcNow() });
        await db.SaveChangesAsync();
        return sid;
    }

    public async Task<bool> IsActiveAsync(string sid) =>
        await db.UserSessions.AnyAsync(s => s.Id == sid && s.EndedAt == null);

    /// <summary>The client got tokens in this session: it will be told when the session ends.</summary>
    public async Task RecordClientAsync(string sid, string clientId)
    {
        if (!await db.SessionClients.AnyAsync(c => c.SessionId == sid && c.ClientId == clientId))
        {
            db.SessionClients.Add(new SessionClient { SessionId = sid, ClientId = clientId });
            await db.SaveChangesAsync();
        }
    }

    /// <summary>
    /// The authorization that codes and tokens issued to this client in this session hang on: an
    /// ad-hoc one per session, so that ending the session can revoke exactly what it issued. The
    /// permanent authorization stays the record of consent.
    /// </summary>
    public async Task<string> GrantForAsync(string sid, ClaimsPrincipal principal, string userId, string applicationId, ImmutableArray<string> scopes)
    {
        var known = await db.SessionGrants.Where(g => g.SessionId == sid).Select(g => g.AuthorizationId).ToListAsync();
        foreach (var id in known)
        {
            if (await authorizations.FindByIdAsync(id) is { } existing
                && await authorizations.GetApplicationIdAsync(existing) == applicationId
                && await authorizations.HasStatusAsync(existing, Statuses.Valid)
                && (await authorizations.GetScopesAsync(existing)).ToHashSet(StringComparer.Ordinal).IsSupersetOf(scopes))
            {
                return id;
            }
        }
        var created = await authorizations.CreateAsync(principal, userId, applicationId, AuthorizationTypes.AdHoc, scopes);
        var createdId = (await authorizations.GetIdAsync(created))!;
        db.SessionGrants.Add(new SessionGrant { SessionId = sid, AuthorizationId = createdId });
        await db.SaveChangesAsync();
        return createdId;
    }

    public async Task EndAsync(string? sid)
    {
        if (sid is null)
        {
            return;
        }
        await EndWhereAsync(db.UserSessions.Where(s => s.Id == sid && s.EndedAt == null));
    }

    /// <summary>The user's sessions still open (one per browser signed in), newest first.</summary>
    public async Task<IReadOnlyList<UserSession>> ListActiveAsync(string userId) =>
        (await db.UserSessions.AsNoTracking().Where(s => s.UserId == userId && s.EndedAt == null).ToListAsync())
            .OrderByDescending(s => s.CreatedAt).ToList();

    /// <summary>Every session of the user but <paramref name="keep"/> (the one that changed the password).</summary>
    public Task EndAllForUserAsync(string userId, string? keep = null) =>
        EndWhereAsync(db.UserSessions.Where(s => s.UserId == userId && s.EndedAt == null && s.Id != keep));

    private async Task EndWhereAsync(IQueryable<UserSession> sessions)
    {
        var ending = await sessions.Include(s => s.Clients).Include(s => s.Grants).ToListAsync();
        if (ending.Count == 0)
        {
            return;
        }
        foreach (var session in ending)
        {
            session.EndedAt = clock.GetUtcNow();
        }
        await db.SaveChangesAsync();
        foreach (var grant in ending.SelectMany(s => s.Grants))
        {
            await grants.RevokeAuthorizationAsync(grant.AuthorizationId);
        }
        foreach (var session in ending)
        {
            foreach (var client in session.Clients)
            {
                await notifier.NotifyAsync(client.ClientId, session.UserId, session.Id);
            }
        }
    }
}
