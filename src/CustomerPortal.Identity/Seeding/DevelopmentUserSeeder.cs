using CustomerPortal.Identity.Data;
using Microsoft.AspNetCore.Identity;

namespace CustomerPortal.Identity.Seeding;

/// <summary>
/// Active demo accounts from seed/development-users.json (Development only). An existing account
/// gets its profile and roles back as declared; its password is reset only if it no longer matches.
/// </summary>
public sealed class DevelopmentUserSeeder(UserManager<PortalUser> users, TimeProvider clock)
{
    public async Task SeedAsync(SeedFolder seed)
    {
        foreach (var declared in seed.DevelopmentUsers())
        {
            var user = await users.FindByEmailAsync(declared.Email);
            var isNew = user is null;
            user ??= new PortalUser { UserName = declared.Email, Email = declared.Email, CreatedAt = clock.GetUtcNow() };
            user.FamilyName = declared.FamilyName;
            user.GivenName = declared.GivenName;
            user.FamilyNameKana = declared.FamilyNameKana;
            user.GivenNameKana = declared.GivenNameKana;
            user.CompanyName = declared.CompanyName;
            user.Locale = declared.Locale;
            user.EmailConfirmed = true;
            user.Status = AccountStatus.Active;

            if (isNew)
            {
                SeedResult.ThrowIfFailed(await users.CreateAsync(user, declared.Password), $"user {declared.Email}");
            }
            else
            {
                SeedResult.ThrowIfFailed(await users.UpdateAsync(user), $"user {declared.Email}");
                if (!await users.CheckPasswordAsync(user, declared.Password))
                {
                    var token = await users.GeneratePasswordResetTokenAsync(user);
                    SeedResult.ThrowIfFailed(await users.ResetPasswordAsync(user, token, declared.Password), $"password of {declared.Email}");
                }
            }

            var current = await users.GetRolesAsync(user);
            SeedResult.ThrowIfFailed(await users.RemoveFromRolesAsync(user, current.Except(declared.Roles)), $"roles of {declared.Email}");
            SeedResult.ThrowIfFailed(await users.AddToRolesAsync(user, declared.Roles.Except(current)), $"roles of {declared.Email}");
        }
    }
}
