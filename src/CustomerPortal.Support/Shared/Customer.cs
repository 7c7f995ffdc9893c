using System.Globalization;
using System.Security.Claims;

namespace CustomerPortal.Support.Shared;

/// <summary>The signed-in user, as the IdP's ID token describes them.</summary>
public sealed record Customer(string Id, string Name, string? Company, string? Email, string Language, IReadOnlyList<string> Models)
{
    public static Customer From(ClaimsPrincipal user) => new(
        user.FindFirst(PortalClaimTypes.Subject)?.Value ?? throw new InvalidOperationException("The session has no subject."),
        user.FindFirst(PortalClaimTypes.Name)?.Value ?? "",
        user.FindFirst(PortalClaimTypes.CompanyName)?.Value,
        user.FindFirst(PortalClaimTypes.Email)?.Value,
        MessageBundle.LanguageOf(CultureInfo.CurrentUICulture),
        [.. user.FindAll(PortalClaimTypes.MachineModel).Select(c => c.Value)]);
}
