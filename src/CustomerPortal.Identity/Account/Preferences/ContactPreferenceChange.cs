namespace CustomerPortal.Identity.Account.Preferences;

/// <summary>
/// One change of a contact preference (product news by email or by phone): what, when and
/// through which channel, so that consent and its withdrawal can be proven later.
/// </summary>
public class ContactPreferenceChange
{
    public Guid Id { get; set; }
    public string UserId { get; set; } = "";
    public ContactPreference Preference { get; set; }
    public bool Consented { get; set; }
    public DateTimeOffset ChangedAt { get; set; }

    /// <summary>"registration", "account-settings", "staff".</summary>
    public string Channel { get; set; } = "";
}

public enum ContactPreference
{
    ProductNewsByEmail = 1,
    ProductNewsByPhone = 2,
}
