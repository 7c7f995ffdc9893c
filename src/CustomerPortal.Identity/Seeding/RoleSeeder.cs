using CustomerPortal.Identity.Data;
using Microsoft.AspNetCore.Identity;

namespace CustomerPortal.Identity.Seeding;

/// <summary>Creates or updates the roles of seed/roles.json (the portal's five roles: three for customers, staff and admin).</summary>
public sealed class RoleSeeder(RoleManager<PortalRole> roles)
{
    public async Task SeedAsync(SeedFolder seed)
    {
        foreach (var role in seed.Roles())
        {
            var existing = await roles.FindByNameAsync(role.Name);
            var entity = existing ?? new PortalRole(role.Name);
            entity.DisplayNameJa = role.DisplayNames.GetValueOrDefault("ja") ?? role.Name;
            entity.DisplayNameEn = role.DisplayNames.GetValueOrDefault("en") ?? role.Name;
            var result = existing is null ? await roles.CreateAsync(entity) : await roles.UpdateAsync(entity);
            SeedResult.ThrowIfFailed(result, $"role {role.Name}");
        }
    }
}

internal static class SeedResult
{
    public static void ThrowIfFailed(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new SeedException($"Seeding {what} failed: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}
