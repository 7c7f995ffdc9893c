namespace CustomerPortal.Identity.Account.Passwords;

/// <summary>
/// Configuration section "PasswordPolicy": the guide's rule by default (8–20 characters; ASCII
/// letters, digits and a fixed set of symbols; an uppercase, a lowercase and a digit), plus a
/// list of common passwords. An operator may tighten it.
/// </summary>
public sealed class PasswordPolicyOptions
{
    public const string Section = "PasswordPolicy";

    public int MinLength { get; set; } = 8;
    public int MaxLength { get; set; } = 20;
    public string AllowedSymbols { get; set; } = "!@#$%^&*+,-.;<=>?()";
    public bool RequireUppercase { get; set; } = true;
    public bool RequireLowercase { get; set; } = true;
    public bool RequireDigit { get; set; } = true;
    public bool RejectCommonPasswords { get; set; } = true;

    public bool IsAllowed(char c) => char.IsAsciiLetterOrDigit(c) || AllowedSymbols.Contains(c);
}
