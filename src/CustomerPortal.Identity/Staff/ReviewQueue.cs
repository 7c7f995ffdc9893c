using CustomerPortal.Identity.Activation;
using CustomerPortal.Identity.Data;
using CustomerPortal.Identity.Registration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CustomerPortal.Identity.Staff;

/// <summary>A registration waiting for review, with its age in business days.</summary>
public sealed record PendingRegistration(PortalUser User, int BusinessDaysWaiting, bool Overdue, bool ReceivedToday)
{
    /// <summary>
    /// The bundle key of the age as staff read it (its argument is <see cref="BusinessDaysWaiting"/>):
    /// "本日" on the day it arrived rather than "0営業日", and under one business day for one that
    /// arrived on a weekend or holiday and has not yet seen a business day.
    /// </summary>
    public string AgeKey => ReceivedToday ? "staff.queue.today"
        : BusinessDaysWaiting == 0 ? "staff.queue.underOneDay"
        : BusinessDaysWaiting == 1 ? "staff.queue.oneDay"
        : "staff.queue.days";
}

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
        var received = BusinessCalendar.DateInJapan(user.CreatedAt);
        var today = BusinessCalendar.TodayInJapan(clock);
        var days = calendar.BusinessDaysBetween(received, today);
        return new PendingRegistration(user, days, days > options.Value.ReviewBusinessDays, received >= today);
    }
}
