using CustomerPortal.Identity.Data;
using Microsoft.EntityFrameworkCore;

namespace CustomerPortal.Identity.Companies;

/// <summary>
/// Moves a database from before companies existed into companies, once, at start-up after the
/// migrations: machines and users were bound to a bare company code (and a machine to a company
/// name). Machines and users with a code go to the company of that code; approved customers
/// without one go to the company whose name reads the same (<see cref="CompanyNames"/>), else to a
/// new company of their own. Registrations still waiting for review are left to the reviewer. The
/// old columns are cleared as each row moves, so a second run finds nothing to do.
/// </summary>
public static class LegacyCompanies
{
    /// <summary>The old columns, kept as shadow properties until every database has moved.</summary>
    public const string CodeProperty = "LegacyCompanyCode";
    public const string NameProperty = "LegacyCompanyName";

    private static readonly AccountStatus[] Approved = [AccountStatus.Approved, AccountStatus.EmailVerified, AccountStatus.Active];

    public static async Task UpgradeAsync(PortalDbContext db, CompanyDirectory companies, CancellationToken cancellationToken = default)
    {
        foreach (var device in await db.Devices.Where(d => EF.Property<string?>(d, CodeProperty) != null).ToListAsync(cancellationToken))
        {
            var entry = db.Entry(device);
            var code = entry.Property<string?>(CodeProperty).CurrentValue!;
            var company = await companies.FindByCodeAsync(code)
                ?? await companies.CreateAsync(entry.Property<string?>(NameProperty).CurrentValue ?? code, code);
            await db.SaveChangesAsync(cancellationToken);
            device.CompanyId ??= company.Id;
            entry.Property<string?>(CodeProperty).CurrentValue = null;
            entry.Property<string?>(NameProperty).CurrentValue = null;
        }
        await db.SaveChangesAsync(cancellationToken);

        foreach (var user in await db.Users.Where(u => EF.Property<string?>(u, CodeProperty) != null).ToListAsync(cancellationToken))
        {
            var entry = db.Entry(user);
            var code = entry.Property<string?>(CodeProperty).CurrentValue!;
            var company = await companies.FindByCodeAsync(code) ?? await companies.CreateFromAsync(user, code);
            await db.SaveChangesAsync(cancellationToken);
            user.CompanyId ??= company.Id;
            entry.Property<string?>(CodeProperty).CurrentValue = null;
        }
        await db.SaveChangesAsync(cancellationToken);

        var staff = from userRole in db.UserRoles
                    join role in db.Roles on userRole.RoleId equals role.Id
                    where role.Name == PortalRoles.Staff || role.Name == PortalRoles.Admin
                    select userRole.UserId;
        var customers = await db.Users.Where(u => u.CompanyId == null && Approved.Contains(u.Status) && !staff.Contains(u.Id))
            .OrderBy(u => u.CreatedAt).ToListAsync(cancellationToken);
        foreach (var user in customers)
        {
            var company = (await companies.WithSameNameAsync(user.CompanyName)).FirstOrDefault() ?? await companies.CreateFromAsync(user);
            await db.SaveChangesAsync(cancellationToken);
            user.CompanyId = company.Id;
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
