using System.Security.Claims;

namespace CustomerPortal.ServiceDefaults;

/// <summary>The signed-in user as the IdP's ID token describes them, read the same way by both apps.</summary>
/// <param name="CompanyId">The company's code (法人コード); colleagues share it, and with it the company's orders.</param>
public sealed record PortalCustomer(string Id, string Name, string? Company, string? Email, IReadOnlyList<string> Models, string? CompanyId = null)
{
    public static PortalCustomer From(ClaimsPrincipal user) => new(
        user.FindFirst(PortalClaimTypes.Subject)?.Value ?? throw new InvalidOperationException("The session has no subject."),
        user.FindFirst(PortalClaimTypes.Name)?.Value ?? "",
        user.FindFirst(PortalClaimTypes.CompanyName)?.Value,
        user.FindFirst(PortalClaimTypes.Email)?.Value,
        [.. user.FindAll(PortalClaimTypes.MachineModel).Select(c => c.Value)],
        user.FindFirst(PortalClaimTypes.CompanyId)?.Value);
}
