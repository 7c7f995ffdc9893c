namespace CustomerPortal.Identity.Audit;

/// <summary>One security event (ASVS: who, what, when, from where). Never a password, token or link.</summary>
public class AuditEvent
{
    public Guid Id { get; set; }
    public DateTimeOffset At { get; set; }
    public AuditEventType Type { get; set; }

    /// <summary>The account the event is about, when there is one.</summary>
    public string? UserId { get; set; }

    /// <summary>The address used, kept as typed for failed sign-ins of unknown addresses.</summary>
    public string? Email { get; set; }

    /// <summary>Who did it, when it was not the user (staff actions).</summary>
    public string? Actor { get; set; }
    public string? ClientAddress { get; set; }
    public string? Details { get; set; }
}

public enum AuditEventType
{
    SignInSucceeded = 1,
    SignInFailed = 2,
    LockedOut = 3,
    Registered = 10,
    Approved = 11,
    Rejected = 12,
    EmailVerified = 13,
    Activated = 14,
    PasswordResetRequested = 20,
    PasswordReset = 21,
    PasswordChanged = 22,
    EmailChanged = 23,
    AppRevoked = 24,
    RolesChanged = 30,
    AccountLocked = 31,
    AccountUnlocked = 32,
    ActivationMailResent = 33,
    SessionsEnded = 34,
    MailRetried = 35,
    NoticeChanged = 36,
    MaintenanceChanged = 37,

    /// <summary>A member of staff tried to act on a staff or admin account, which only admins may.</summary>
    StaffActionRefused = 38,

    /// <summary>A mail someone could cause for an address they need not own was not sent: its recipient had the most of that kind this hour.</summary>
    MailCapped = 39,

    /// <summary>A second factor was turned on or off, recovery codes were issued, or one was used.</summary>
    SecondFactorChanged = 40,

    /// <summary>A company set up, edited or merged, or a member moved between companies (staff console).</summary>
    CompanyChanged = 41,
}
