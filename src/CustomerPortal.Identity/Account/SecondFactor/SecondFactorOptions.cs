namespace CustomerPortal.Identity.Account.SecondFactor;

/// <summary>Settings of second factors (section <c>Security</c>).</summary>
public sealed class SecondFactorOptions
{
    public const string Section = "Security";

    /// <summary>Roles whose holders must have a second factor, comma-separated: without one they enrol right after their password.</summary>
    public string RequireSecondFactorForRoles { get; set; } = $"{PortalRoles.Staff},{PortalRoles.Admin}";

    /// <summary>How long "don't ask again on this browser" lasts (customers only).</summary>
    public TimeSpan RememberBrowserFor { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How recent a second factor must be for a staff console action; older, the action asks for a code first.</summary>
    public TimeSpan StaffStepUpWindow { get; set; } = TimeSpan.FromMinutes(15);

    public IReadOnlyList<string> RequiredRoles =>
        [.. RequireSecondFactorForRoles.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
