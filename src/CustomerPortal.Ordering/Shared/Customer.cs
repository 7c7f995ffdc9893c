using System.Security.Claims;

namespace CustomerPortal.Ordering.Shared;

/// <summary>The signed-in customer, as the IdP's ID token describes them.</summary>
public sealed record Customer(string Id, string Name, string? Company, IReadOnlyList<string> Models)
{
    public static Customer From(ClaimsPrincipal user) => new(
        user.FindFirst(PortalClaimTypes.Subject)?.Value ?? throw new InvalidOperationException("The session has no subject."),
        user.FindFirst(PortalClaimTypes.Name)?.Value ?? "",
        user.FindFirst(PortalClaimTypes.CompanyName)?.Value,
        [.. user.FindAll(PortalClaimTypes.MachineModel).Select(c => c.Value)]);
}
