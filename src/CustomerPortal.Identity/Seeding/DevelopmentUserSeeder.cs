using CustomerPortal.Identity.Data;
using CustomerPortal.Identity.Machines;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CustomerPortal.Identity.Seeding;

/// <summary>
/// Active demo accounts from seed/development-users.json (Development only). An existing account
/// gets its profile and roles back as declared; its password is reset only if it no longer matches.
/// </summary>
public sealed class DevelopmentUserSeeder(
    UserManager<PortalUser> users, IUserStore<PortalUser> store, PortalDbContext db, Account.Addresses.AddressBook addressBook,
    Companies.CompanyDirectory companies, TimeProvider clock)
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
            user.CompanyId = declared.CompanyCode is { } code
                ? (await companies.FindByCodeAsync(code) ?? throw new SeedException($"development-users.json: no company {code} in devices.json.")).Id
                : null;
            user.Department = declared.Department;
            user.PhoneNumber = declared.Phone;
            if (declared.Address is { } address)
            {
                user.Address = new PostalAddress
                {
                    PostalCode = address.PostalCode, Prefecture = address.Prefecture, City = address.City,
                    Street = address.Street, Building = address.Building,
                };
            }
            user.Locale = declared.Locale;
            user.EmailConfirmed = true;
            user.Status = AccountStatus.Active;
            user.ActivatedAt ??= clock.GetUtcNow();
            user.FirstSignInAt ??= clock.GetUtcNow(); // demo accounts are past their activation emails

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

            await SeedAuthenticatorAsync(user, declared.AuthenticatorKey);

            var current = await users.GetRolesAsync(user);
            SeedResult.ThrowIfFailed(await users.RemoveFromRolesAsync(user, current.Except(declared.Roles)), $"roles of {declared.Email}");
            SeedResult.ThrowIfFailed(await users.AddToRolesAsync(user, declared.Roles.Except(current)), $"roles of {declared.Email}");

            foreach (var serial in declared.Machines)
            {
                if (!await db.UserMachines.AnyAsync(m => m.UserId == user.Id && m.Serial == serial))
                {
                    db.UserMachines.Add(new UserMachine { UserId = user.Id, Serial = serial, AddedAt = clock.GetUtcNow(), Check = SerialCheck.Known });
                }
            }
            await db.SaveChangesAsync();

            foreach (var entry in declared.AddressBook)
            {
                if (!await db.AddressBook.AnyAsync(e => e.UserId == user.Id && e.Label == entry.Label))
                {
                    entry.Normalize();
                    _ = await addressBook.CreateAsync(user.Id, entry) ?? throw new InvalidOperationException($"The address book of {declared.Email} is full.");
                }
            }
        }
    }

    /// <summary>The declared key, on; an account declared without one has two-step verification off.</summary>
    private async Task SeedAuthenticatorAsync(PortalUser user, string? key)
    {
        if (key is null)
        {
            if (user.TwoFactorEnabled)
            {
                SeedResult.ThrowIfFailed(await users.SetTwoFactorEnabledAsync(user, false), $"two-step verification of {user.Email}");
            }
            return;
        }
        if (await users.GetAuthenticatorKeyAsync(user) != key)
        {
            await ((IUserAuthenticatorKeyStore<PortalUser>)store).SetAuthenticatorKeyAsync(user, key, CancellationToken.None);
            SeedResult.ThrowIfFailed(await users.UpdateAsync(user), $"authenticator key of {user.Email}");
        }
        if (!user.TwoFactorEnabled)
        {
            SeedResult.ThrowIfFailed(await users.SetTwoFactorEnabledAsync(user, true), $"two-step verification of {user.Email}");
        }
    }
}
