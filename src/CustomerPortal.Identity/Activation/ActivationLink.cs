namespace CustomerPortal.Identity.Activation;

/// <summary>
/// A single-use, expiring link sent by email. Only a hash of its token is stored, so a copy of
/// the database does not hold working links.
/// </summary>
public class ActivationLink
{
    public Guid Id { get; set; }
    public string UserId { get; set; } = "";
    public LinkPurpose Purpose { get; set; }

    /// <summary>SHA-256 of the token, hex.</summary>
    public string TokenHash { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? UsedAt { get; set; }

    /// <summary>For an email change: the address this link was sent to, the only one it can make the sign-in address.</summary>
    public string? TargetEmail { get; set; }

    /// <summary>
    /// For an email change: the account's security stamp when the link was sent. A password reset
    /// or change, a lock or signing out everywhere changes the stamp, and the link stops working.
    /// </summary>
    public string? SecurityStamp { get; set; }
}

public enum LinkPurpose
{
    VerifyEmail = 1,
    SetPassword = 2,
    ResetPassword = 3,
    ChangeEmail = 4,
}
