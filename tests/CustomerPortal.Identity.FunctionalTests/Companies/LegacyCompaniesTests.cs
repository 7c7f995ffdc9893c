using CustomerPortal.Identity.Companies;
using Microsoft.EntityFrameworkCore;

namespace CustomerPortal.Identity.FunctionalTests.Companies;

/// <summary>
/// A database from before companies (machines and users bound to a bare company code) is moved
/// into companies by the migrations and the start-up step after them, on SQLite and on PostgreSQL:
/// by code, else by the company name read the same way, and nothing is lost.
/// </summary>
public sealed class LegacyCompaniesTests
{
    [Fact]
    public async Task MachinesAndUsers_AreGroupedByCode_ElseByName_PendingAndStaffLeftAlone()
    {
        await using var legacy = new LegacyDatabase();
        await legacy.MigrateToJustBeforeAsync("Companies");
        await legacy.InsertAsync("Devices",
            new() { ["Serial"] = "1111111", ["Model"] = "DM300c", ["CompanyCode"] = "X001", ["CompanyName"] = "株式会社レガシー商事" });
        await legacy.InsertAsync("Devices", new() { ["Serial"] = "2222222", ["Model"] = "DM50" });
        await UserAsync(legacy, "coded", "株式会社レガシー商事", "Active", code: "X001");
        await UserAsync(legacy, "same-name", "（株）レガシー商事", "Active");
        await UserAsync(legacy, "own-company", "別会社株式会社", "EmailVerified");
        await UserAsync(legacy, "pending", "株式会社レガシー商事", "PendingReview");
        await UserAsync(legacy, "staff", "カスタマーポータル運営", "Active");
        await legacy.InsertAsync("AspNetRoles", new() { ["Id"] = "role-staff", ["Name"] = "staff", ["NormalizedName"] = "STAFF" });
        await legacy.InsertAsync("AspNetUserRoles", new() { ["UserId"] = "staff", ["RoleId"] = "role-staff" });

        // As the portal starts: the migrations, then the move into companies (twice: a restart finds nothing to do).
        var db = legacy.Db;
        await db.Database.MigrateAsync();
        var directory = new CompanyDirectory(db, TimeProvider.System);
        await LegacyCompanies.UpgradeAsync(db, directory);
        await LegacyCompanies.UpgradeAsync(db, directory);
        db.ChangeTracker.Clear();

        var legacyCompany = await db.Companies.SingleAsync(c => c.Code == "X001");
        Assert.Equal("株式会社レガシー商事", legacyCompany.Name);
        Assert.Equal(legacyCompany.Id, (await db.Devices.SingleAsync(d => d.Serial == "1111111")).CompanyId);
        Assert.Null((await db.Devices.SingleAsync(d => d.Serial == "2222222")).CompanyId);
        Assert.Equal(legacyCompany.Id, await CompanyOfAsync(db, "coded"));
        Assert.Equal(legacyCompany.Id, await CompanyOfAsync(db, "same-name"));
        var own = await db.Companies.SingleAsync(c => c.Id == (db.Users.Single(u => u.Id == "own-company").CompanyId));
        Assert.Equal("別会社株式会社", own.Name);
        Assert.Matches("^P[0-9]{6}$", own.Code);
        Assert.Null(await CompanyOfAsync(db, "pending"));
        Assert.Null(await CompanyOfAsync(db, "staff"));
        Assert.Equal(2, await db.Companies.CountAsync());
        // What the users typed stays theirs; the old columns are emptied once read.
        Assert.Equal("（株）レガシー商事", (await db.Users.SingleAsync(u => u.Id == "same-name")).CompanyName);
        Assert.Null(await legacy.ScalarAsync("SELECT \"CompanyCode\" FROM \"AspNetUsers\" WHERE \"Id\" = 'coded'"));
        Assert.Null(await legacy.ScalarAsync("SELECT \"CompanyCode\" FROM \"Devices\" WHERE \"Serial\" = '1111111'"));
    }

    private static async Task<int?> CompanyOfAsync(Data.PortalDbContext db, string userId) =>
        (await db.Users.SingleAsync(u => u.Id == userId)).CompanyId;

    private static Task UserAsync(LegacyDatabase legacy, string id, string companyName, string status, string? code = null) =>
        legacy.InsertAsync("AspNetUsers", new()
        {
            ["Id"] = id,
            ["UserName"] = $"{id}@example.com",
            ["NormalizedUserName"] = $"{id.ToUpperInvariant()}@EXAMPLE.COM",
            ["Email"] = $"{id}@example.com",
            ["NormalizedEmail"] = $"{id.ToUpperInvariant()}@EXAMPLE.COM",
            ["FamilyName"] = "旧",
            ["GivenName"] = "利用者",
            ["CompanyName"] = companyName,
            ["CompanyCode"] = code,
            ["Status"] = status,
            ["SerialCheck"] = "NotGiven",
            ["Locale"] = "ja",
            ["PostalCode"] = "100-0001",
            ["Prefecture"] = "13",
            ["City"] = "千代田区",
            ["Street"] = "1-1",
            ["PhoneNumber"] = "03-0000-0000",
        });
}
