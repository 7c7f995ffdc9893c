namespace CustomerPortal.Identity.Registration;

/// <summary>Configuration section "Registration".</summary>
public sealed class RegistrationOptions
{
    public const string Section = "Registration";

    /// <summary>When false, a registration is approved at once with the roles it asked for (no staff review).</summary>
    public bool RequireApproval { get; set; } = true;

    public TimeSpan VerifyEmailLinkLifetime { get; set; } = TimeSpan.FromHours(72);
    public TimeSpan SetPasswordLinkLifetime { get; set; } = TimeSpan.FromHours(24);
    public TimeSpan ResetPasswordLinkLifetime { get; set; } = TimeSpan.FromMinutes(30);
    public TimeSpan ChangeEmailLinkLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Reset links sent to one account per hour; further requests get the same answer and no mail.</summary>
    public int ResetLinksPerAccountPerHour { get; set; } = 3;

    /// <summary>
    /// Mails of one kind that anyone can cause to be sent to one address per hour (the
    /// already-registered notice, reset links, resent activation links, email-change links); past
    /// it the page answers the same, nothing is sent and the audit says so (see <see cref="Mail.MailCap"/>).
    /// </summary>
    public int MailsPerRecipientPerHour { get; set; } = 3;

    /// <summary>Business days promised for the review; older registrations are marked overdue.</summary>
    public int ReviewBusinessDays { get; set; } = 3;

    /// <summary>
    /// Registrations sent per client address per hour (shared with reset-link requests); checking the form and going
    /// back from its confirmation are not counted (<see cref="RegisterModel.OnlyShows"/>).
    /// </summary>
    public int PerAddressPerHour { get; set; } = 10;

    /// <summary>Registrations naming the same serial per day; more are refused without saying whether it exists.</summary>
    public int PerSerialPerDay { get; set; } = 3;

    /// <summary>The IdP's public address for links in emails; by default the address of the request that caused the mail.</summary>
    public Uri? PublicOrigin { get; set; }
}
