using System.Collections.Immutable;
using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using CustomerPortal.Identity.Data;
using CustomerPortal.Identity.Theming;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace CustomerPortal.Identity.Connect;

/// <summary>
/// Builds every principal the token server hands to OpenIddict (authorization endpoint, code and
/// refresh exchanges, userinfo, client credentials). Claims are added only for granted scopes.
/// </summary>
public sealed class PortalPrincipalFactory(
    UserManager<PortalUser> users, IOpenIddictScopeManager scopeManager, ScopeResources scopeResources, PortalDbContext db, MessageBundle messages,
    Companies.CompanyMachines machinesOf)
{
    public async Task<ClaimsPrincipal> CreateForUserAsync(
        PortalUser user, ImmutableArray<string> scopes, DateTimeOffset? authenticatedAt,
        string? sessionId = null, IReadOnlyCollection<string>? methods = null, CancellationToken cancellationToken = default)
    {
        var identity = NewIdentity();
        identity.SetClaim(Claims.Subject, user.Id);
        identity.SetClaim(PortalClaimTypes.SessionId, sessionId);
        identity.SetClaim(PortalClaims.SecurityStamp, await users.GetSecurityStampAsync(user));
        if (authenticatedAt is { } time)
        {
            identity.AddClaim(new Claim(Claims.AuthenticationTime, time.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), ClaimValueTypes.Integer64));
        }
        if (methods is { Count: > 0 })
        {
            // amr is a JSON array even with one method (OpenID Connect Core 2); acr follows from it.
            identity.AddClaim(new Claim(Claims.AuthenticationMethodReference, JsonSerializer.Serialize(methods),
                Microsoft.IdentityModel.JsonWebTokens.JsonClaimValueTypes.JsonArray));
            identity.SetClaim(Claims.AuthenticationContextReference, AuthenticationMethods.LevelOf(methods));
        }

        if (scopes.Contains(Scopes.Profile))
        {
            identity.SetClaim(Claims.Name, user.DisplayName);
            identity.SetClaim(Claims.FamilyName, user.FamilyName);
            identity.SetClaim(Claims.GivenName, user.GivenName);
            identity.SetClaim(Claims.Locale, user.Locale);
            identity.SetClaim(Claims.Zoneinfo, PortalClaims.ZoneInfo);
            identity.SetClaim(PortalClaimTypes.FamilyNameKana, user.FamilyNameKana);
            identity.SetClaim(PortalClaimTypes.GivenNameKana, user.GivenNameKana);
        }
        if (scopes.Contains(Scopes.Email) && user.Email is not null)
        {
            identity.SetClaim(Claims.Email, user.Email);
            identity.AddClaim(new Claim(Claims.EmailVerified, user.EmailConfirmed ? "true" : "false", ClaimValueTypes.Boolean));
        }
        if (scopes.Contains(Scopes.Phone) && !string.IsNullOrEmpty(user.PhoneNumber))
        {
            identity.SetClaim(Claims.PhoneNumber, user.PhoneNumber);
            identity.AddClaim(new Claim(Claims.PhoneNumberVerified, user.PhoneNumberConfirmed ? "true" : "false", ClaimValueTypes.Boolean));
        }
        if (scopes.Contains(Scopes.Address) && !string.IsNullOrEmpty(user.Address.PostalCode))
        {
            identity.AddClaim(Claims.Address, AddressClaim(user));
        }
        if (scopes.Contains(PortalScopes.Portal))
        {
            // The company as staff set it up (not what the user typed at sign-up); its machines are the member's.
            // One query: the company and the codes merged into it, under which apps may still keep its records.
            var company = user.CompanyId is { } companyId
                ? await db.Companies.Where(c => c.Id == companyId)
                    .Select(c => new { c.Code, c.Name, Former = db.Companies.Where(f => f.MergedIntoId == c.Id).Select(f => f.Code).ToList() })
                    .SingleOrDefaultAsync(cancellationToken)
                : null;
            identity.SetClaim(PortalClaimTypes.CompanyId, company?.Code);
            identity.SetClaim(PortalClaimTypes.CompanyName, company?.Name ?? user.CompanyName);
            identity.SetClaims(PortalClaimTypes.CompanyFormerIds, [.. (company?.Former ?? []).Order(StringComparer.Ordinal)]);
            var machines = await machinesOf.OfMemberAsync(user);
            identity.SetClaims(PortalClaimTypes.MachineSerial, [.. machines.Select(m => m.Serial)]);
            // The models let the ordering app offer the supplies that fit; unknown serials have none.
            identity.SetClaims(PortalClaimTypes.MachineModel, [.. machines.Select(m => m.Model).OfType<string>().Distinct(StringComparer.Ordinal)]);
        }
        if (scopes.Contains(Scopes.Roles))
        {
            identity.SetClaims(Claims.Role, [.. await users.GetRolesAsync(user)]);
        }

        return await FinishAsync(identity, scopes, cancellationToken);
    }

    /// <summary>A confidential client acting on its own behalf (client_credentials).</summary>
    public async Task<ClaimsPrincipal> CreateForClientAsync(
        string clientId, string? displayName, ImmutableArray<string> scopes, CancellationToken cancellationToken = default)
    {
        var identity = NewIdentity();
        identity.SetClaim(Claims.Subject, clientId);
        identity.SetClaim(Claims.ClientId, clientId);
        identity.SetClaim(Claims.Name, displayName ?? clientId);
        return await FinishAsync(identity, scopes, cancellationToken);
    }

    private async Task<ClaimsPrincipal> FinishAsync(ClaimsIdentity identity, ImmutableArray<string> scopes, CancellationToken cancellationToken)
    {
        identity.SetScopes(scopes);
        identity.SetResources(await scopeResources.ForAsync(scopeManager, scopes, cancellationToken));
        identity.SetDestinations(ClaimDestinations.For);
        return new ClaimsPrincipal(identity);
    }

    /// <summary>The OIDC address claim (Core 5.1.1) from the registered address, in Japanese order.</summary>
    private JsonElement AddressClaim(PortalUser user)
    {
        var address = user.Address;
        var region = messages.Get(CultureInfo.GetCultureInfo("ja"), $"prefecture.{address.Prefecture}");
        var street = string.IsNullOrEmpty(address.Building) ? address.Street : $"{address.Street} {address.Building}";
        return JsonSerializer.SerializeToElement(new Dictionary<string, string>
        {
            ["formatted"] = $"〒{address.PostalCode} {region}{address.City}{street}",
            ["street_address"] = street,
            ["locality"] = address.City,
            ["region"] = region,
            ["postal_code"] = address.PostalCode,
            ["country"] = "JP",
        });
    }

    private static ClaimsIdentity NewIdentity() => new(
        authenticationType: Microsoft.IdentityModel.Tokens.TokenValidationParameters.DefaultAuthenticationType,
        nameType: Claims.Name,
        roleType: Claims.Role);
}
