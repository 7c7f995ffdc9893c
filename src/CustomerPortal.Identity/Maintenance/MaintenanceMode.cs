using CustomerPortal.Identity.Data;
using Microsoft.EntityFrameworkCore;

namespace CustomerPortal.Identity.Maintenance;

/// <summary>
/// Reads the maintenance switch, re-reading the database at most every few seconds so that every
/// node follows a change quickly without a query per request.
/// </summary>
public sealed class MaintenanceMode(IServiceScopeFactory scopes, TimeProvider clock) : IDisposable
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(2);
    private MaintenanceState _state = new();
    private DateTimeOffset _readAt = DateTimeOffset.MinValue;
    private readonly SemaphoreSlim _reading = new(1, 1);

    public async Task<MaintenanceState> CurrentAsync()
    {
        if (clock.GetUtcNow() - _readAt < CacheFor)
        {
            return _state;
        }
        await _reading.WaitAsync();
        try
        {
            if (clock.GetUtcNow() - _readAt >= CacheFor)
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
                _state = await db.Maintenance.AsNoTracking().SingleOrDefaultAsync() ?? new MaintenanceState();
                _readAt = clock.GetUtcNow();
            }
            return _state;
        }
        finally
        {
            _reading.Release();
        }
    }

    public async Task SetAsync(PortalDbContext db, bool enabled, string messageJa, string messageEn, DateTimeOffset? expectedEnd, string? changedBy)
    {
        var state = await db.Maintenance.SingleOrDefaultAsync();
        if (state is null)
        {
            state = new MaintenanceState();
            db.Maintenance.Add(state);
        }
        state.Enabled = enabled;
        state.MessageJa = messageJa;
        state.MessageEn = messageEn;
        state.ExpectedEnd = expectedEnd;
        state.ChangedAt = clock.GetUtcNow();
        state.ChangedBy = changedBy;
        await db.SaveChangesAsync();
        _readAt = DateTimeOffset.MinValue; // this node follows at once
    }

    public void Dispose() => _reading.Dispose();
}
