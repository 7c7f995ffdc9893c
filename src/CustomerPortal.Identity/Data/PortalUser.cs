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

    public AccountStatus Status { get; set; } = AccountStatus.PendingReview;
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Japanese order: family name first, separated by a space as the guide writes names.</summary>
    public string DisplayName => Locale == "en" ? $"{GivenName} {FamilyName}".Trim() : $"{FamilyName} {GivenName}".Trim();
}

/// <summary>Where an account stands in the lifecycle of product.md ("Registration and activation").</summary>
public enum AccountStatus
{
    PendingReview = 0,
    Rejected = 1,
    Approved = 2,
    EmailVerified = 3,
    Active = 4,
}
