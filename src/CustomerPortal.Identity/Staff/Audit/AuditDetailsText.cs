using System.Text.RegularExpressions;
using CustomerPortal.Identity.Activation;
using CustomerPortal.Identity.Audit;
using CustomerPortal.Identity.Data;

namespace CustomerPortal.Identity.Staff.Audit;

/// <summary>
/// The details of an audit entry as the audit page shows them. They are stored as the code wrote
/// them, in English (a log line, the same whatever the reader's language); the values of the
/// portal's own lists among them (sign-in methods, a serial check, a link's purpose, roles, the
/// maintenance switch) are shown in the page's language through the bundle, so that a Japanese
/// page never reads "serial check: NotGiven". Other details (reasons, addresses, names) are shown as stored.
/// </summary>
public static partial class AuditDetailsText
{
    public static string Describe(AuditEvent entry, MessageBundle T)
    {
        var details = entry.Details ?? "";
        switch (entry.Type)
        {
            // SignInCompletion: the methods (RFC 8176 amr values) separated by spaces.
            case AuditEventType.SignInSucceeded when details.Split(' ', StringSplitOptions.RemoveEmptyEntries) is { Length: > 0 } methods
                                                     && methods.All(AuthenticationMethodNames.Contains):
                return string.Join(T["list.separator"], methods.Select(method => T["staff.audit.amr." + method]));
            // Registrations.cs: "serial check: {SerialCheck}"
            case AuditEventType.Registered when SerialCheckDetails().Match(details) is { Success: true } match
                                                && Enum.TryParse<SerialCheck>(match.Groups["check"].Value, out var check):
                return T["staff.audit.details.serialCheck", T["staff.serial." + check]];
            // UserAdministration.ResendActivationAsync: the purpose of the link sent again.
            case AuditEventType.ActivationMailResent when Enum.TryParse<LinkPurpose>(details, out var purpose) && Enum.IsDefined(purpose):
                return T["staff.audit.details.resent", T["staff.audit.linkPurpose." + purpose]];
            // UserAdministration: "+[added, …] -[removed, …]"
            case AuditEventType.RolesChanged when RolesChangedDetails().Match(details) is { Success: true } match:
                return T["staff.audit.details.rolesChanged", Roles(match.Groups["added"].Value, T), Roles(match.Groups["removed"].Value, T)];
            // AccountLifecycle.ApproveInTransactionAsync: "{reviewer}: {roles, …}; company {code}[, chosen over the serial's company]"
            case AuditEventType.Approved when ApprovedDetails().Match(details) is { Success: true } match:
                var approved = T["staff.audit.details.approved", match.Groups["reviewer"].Value, Roles(match.Groups["roles"].Value, T),
                    match.Groups["company"].Value];
                return match.Groups["over"].Success ? T["format.aside", approved, T["staff.audit.details.overSerial"]] : approved;
            case AuditEventType.MaintenanceChanged when details is "on" or "off":
                return T["staff.audit.details.maintenance." + details];
            default:
                return details;
        }
    }

    private static readonly HashSet<string> AuthenticationMethodNames =
    [
        Connect.AuthenticationMethods.Password, Connect.AuthenticationMethods.OneTimeCode, Connect.AuthenticationMethods.MultiFactor,
        Connect.AuthenticationMethods.HardwareKey, Connect.AuthenticationMethods.SoftwareKey,
    ];

    /// <summary>Role names as the bundle labels them, in the page's list form; an empty list says so.</summary>
    private static string Roles(string names, MessageBundle T)
    {
        var roles = names.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return roles.Length == 0
            ? T["staff.audit.details.noRoles"]
            : string.Join(T["list.separator"], roles.Select(role => PortalRoles.All.Contains(role) ? T[$"role.{role}.label"] : role));
    }

    [GeneratedRegex(@"^serial check: (?<check>\w+)$")]
    private static partial Regex SerialCheckDetails();

    [GeneratedRegex(@"^\+\[(?<added>[^\]]*)\] -\[(?<removed>[^\]]*)\]$")]
    private static partial Regex RolesChangedDetails();

    [GeneratedRegex(@"^(?<reviewer>.*): (?<roles>[^;]*); company (?<company>\S+?)(?<over>, chosen over the serial's company)?$")]
    private static partial Regex ApprovedDetails();
}
