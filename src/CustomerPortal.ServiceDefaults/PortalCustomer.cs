using System.Security.Claims;

namespace CustomerPortal.ServiceDefaults;

/// <summary>The signed-in user as the IdP's ID token describes them, read the same way by both apps.</summary>
/// <param name="CompanyId">The company's code (法人コード); colleagues share it, and with it the company's orders.</param>
/// <param name="FormerCompanyIds">Codes of companies merged into it: what was kept under them is the company's now.</param>
public sealed record PortalCustomer(
    string Id, string Name, string? Company, string? Email, IReadOnlyList<string> Models,
    string? CompanyId = null, IReadOnlyList<string>? FormerCompanyIds = null)
{
    /// <summary>Every code the company's records may be kept under: its own first, then the merged ones.</summary>
    public IReadOnlyList<string> CompanyIds => CompanyId is null ? [] : [CompanyId, .. FormerCompanyIds ?? []];

    public static PortalCustomer From(ClaimsPrincipal user) => new(
        user.FindFirst(PortalClaimTypes.Subject)?.Value ?? throw new InvalidOperationException("The session has no subject."),
        user.FindFirst(PortalClaimTypes.Name)?.Value ?? "",
        user.FindFirst(PortalClaimTypes.CompanyName)?.Value,
        user.FindFirst(PortalClaimTypes.Email)?.Value,
        [.. user.FindAll(PortalClaimTypes.MachineModel).Select(c => c.Value)],
        user.FindFirst(PortalClaimTypes.CompanyId)?.Value,
        [.. user.FindAll(PortalClaimTypes.CompanyFormerIds).Select(c => c.Value)]);
}
