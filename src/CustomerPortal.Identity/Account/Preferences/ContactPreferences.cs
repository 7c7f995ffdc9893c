using CustomerPortal.Identity.Data;
using Microsoft.EntityFrameworkCore;

namespace CustomerPortal.Identity.Account.Preferences;

/// <summary>Contact preferences with a record of every change, so consent and withdrawal can be proven.</summary>
public sealed class ContactPreferences(PortalDbContext db, TimeProvider clock)
{
    public const string RegistrationChannel = "registration";
    public const string SettingsChannel = "account-settings";

    /// <summary>Sets both preferences and records each one that changed (tracked; the caller saves).</summary>
    public void Set(PortalUser user, bool byEmail, bool byPhone, string channel, bool recordUnchanged = false)
    {
        if (recordUnchanged || user.ProductNewsByEmail != byEmail)
        {
            Record(user.Id, ContactPreference.ProductNewsByEmail, byEmail, channel);
        }
        if (recordUnchanged || user.ProductNewsByPhone != byPhone)
        {
            Record(user.Id, ContactPreference.ProductNewsByPhone, byPhone, channel);
        }
        user.ProductNewsByEmail = byEmail;
        user.ProductNewsByPhone = byPhone;
    }

    public Task<List<ContactPreferenceChange>> HistoryAsync(string userId) =>
        db.ContactPreferenceChanges.AsNoTracking().Where(c => c.UserId == userId).OrderByDescending(c => c.ChangedAt).Take(50).ToListAsync();

    private void Record(string userId, ContactPreference preference, bool consented, string channel) =>
        db.ContactPreferenceChanges.Add(new ContactPreferenceChange
        {
            Id = Guid.NewGuid(),
            UserId = userId,
            Preference = preference,
            Consented = consented,
            ChangedAt = clock.GetUtcNow(),
            Channel = channel,
        });
}
