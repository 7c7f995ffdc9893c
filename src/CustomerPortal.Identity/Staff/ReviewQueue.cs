using CustomerPortal.Identity.Activation;
using CustomerPortal.Identity.Data;
using CustomerPortal.Identity.Registration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CustomerPortal.Identity.Staff;

/// <summary>A registration waiting for review, with its age in business days.</summary>
public sealed record PendingRegistration(PortalUser User, int BusinessDaysWaiting, bool Overdue);

/// <summary>Pending registrations, overdue first: the guide promises setup in about 3 business days.</summary>
public sealed class ReviewQueue(PortalDbContext db, BusinessCalendar calendar, TimeProvider clock, IOptions<RegistrationOptions> options)
{
    public async Task<IReadOnlyList<PendingRegistration>> PendingAsync()
    {
        var pending = await db.Users
            .Where(u => u.Status == AccountStatus.PendingReview)
            .Include(u => u.RequestedRoles)
            .AsNoTracking()
            .ToListAsync();
        return [.. pending
            .Select(Age)
            .OrderByDescending(r => r.Overdue)
            .ThenByDescending(r => r.BusinessDaysWaiting)
            .ThenBy(r => r.User.CreatedAt)];
    }

    public PendingRegistration Age(PortalUser user)
    {
        var days = calendar.BusinessDaysBetween(BusinessCalendar.DateInJapan(user.CreatedAt), BusinessCalendar.TodayInJapan(clock));
        return new PendingRegistration(user, days, days > options.Value.ReviewBusinessDays);
    }
}
