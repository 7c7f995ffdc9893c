using Microsoft.AspNetCore.Identity;

namespace CustomerPortal.Identity.Data;

/// <summary>A person who signs in: a customer user or a member of staff.</summary>
public class PortalUser : IdentityUser
{
    public string FamilyName { get; set; } = "";
    public string GivenName { get; set; } = "";
    public string? FamilyNameKana { get; set; }
    public string? GivenNameKana { get; set; }
    public string CompanyName { get; set; } = "";

    /// <summary>BCP 47 tag of the user's language ("ja" or "en"); used for pages and emails.</summary>
    public string Locale { get; set; } = "ja";

    public string Department { get; set; } = "";
    public PostalAddress Address { get; set; } = new();

    /// <summary>
    /// The company the user is a member of (<see cref="Companies.Company"/>), set by the reviewer
    /// when the account is approved; <see cref="CompanyName"/> stays what the user typed.
    /// </summary>
    public int? CompanyId { get; set; }

    /// <summary>Product news by email / by phone (the guide's 設定); every change is recorded in Account/Preferences.</summary>
    public bool ProductNewsByEmail { get; set; }
    public bool ProductNewsByPhone { get; set; }

    public AccountStatus Status { get; set; } = AccountStatus.PendingReview;

    /// <summary>When the registration was submitted (or the account seeded).</summary>
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? TermsAcceptedAt { get; set; }
    public string? RegisteredSerial { get; set; }
    public SerialCheck SerialCheck { get; set; }
    public DateTimeOffset? ReviewedAt { get; set; }
    public string? ReviewedBy { get; set; }
    public string? RejectionReason { get; set; }
    public DateTimeOffset? EmailVerifiedAt { get; set; }
    public DateTimeOffset? ActivatedAt { get; set; }

    /// <summary>A new address waiting for its verification link; the email changes only when it is verified.</summary>
    public string? PendingEmail { get; set; }

    /// <summary>Set by the first successful sign-in, which also sends the last activation email once.</summary>
    public DateTimeOffset? FirstSignInAt { get; set; }

    /// <summary>
    /// A lock by staff, kept apart from Identity's lockout after failed sign-ins: no reset or
    /// activation link lifts it, only staff do (<see cref="StaffLockedBy"/> says who locked).
    /// </summary>
    public DateTimeOffset? StaffLockedAt { get; set; }
    public string? StaffLockedBy { get; set; }
    public bool IsStaffLocked => StaffLockedAt is not null;

    /// <summary>
    /// The 30-second time step of the last authenticator-app code accepted: a code of this step or
    /// an earlier one is refused, so a code seen over someone's shoulder cannot be used again.
    /// </summary>
    public long? LastAuthenticatorStep { get; set; }

    public List<RequestedRole> RequestedRoles { get; set; } = [];

    /// <summary>
    /// The name in the user's own language (their mails, the <c>name</c> claim); pages use the page's
    /// language. Both come from <see cref="Account.PersonNames"/>, which decides the order.
    /// </summary>
    public string DisplayName => Account.PersonNames.Compose(FamilyName, GivenName, Locale);
}

/// <summary>The postal address given at registration (the OIDC address claim comes from it).</summary>
public class PostalAddress
{
    /// <summary>"123-4567".</summary>
    public string PostalCode { get; set; } = "";

    /// <summary>JIS X 0401 code, "01" (Hokkaido) to "47" (Okinawa); names come from the message bundles.</summary>
    public string Prefecture { get; set; } = "";
    public string City { get; set; } = "";
    public string Street { get; set; } = "";
    public string? Building { get; set; }
}

/// <summary>A role the customer asked for; the reviewer grants Identity roles, which may differ.</summary>
public class RequestedRole
{
    public string UserId { get; set; } = "";
    public string Role { get; set; } = "";
}

/// <summary>What the device registry said about the serial given at registration, for the reviewer.</summary>
public enum SerialCheck
{
    NotGiven = 0,
    Known = 1,
    Unknown = 2,
    BoundToOtherCompany = 3,
}

/// <summary>Where an account stands in its lifecycle (the README's "Registration and activation").</summary>
public enum AccountStatus
{
    PendingReview = 0,
    Rejected = 1,
    Approved = 2,
    EmailVerified = 3,
    Active = 4,
}
