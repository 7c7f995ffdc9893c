using CustomerPortal.Identity.Account;
using CustomerPortal.Identity.Audit;
using CustomerPortal.Identity.Companies;
using CustomerPortal.Identity.Data;
using Microsoft.EntityFrameworkCore;

namespace CustomerPortal.Identity.Staff.Companies;

/// <summary>One member as the company page lists them.</summary>
public sealed record CompanyMember(PortalUser User, IReadOnlyList<string> Roles, DateTimeOffset? LastSignInAt);

/// <summary>What staff edit of a company; the code changes only by a merge.</summary>
public sealed class CompanyInput
{
    public string? Name { get; set; }
    public string? NameKana { get; set; }
    public string? NameEn { get; set; }
    public string? Phone { get; set; }
    public string? Notes { get; set; }
    public CompanyStatus Status { get; set; }

    /// <summary>Head office, in the portal's address fields.</summary>
    public string? PostalCode { get; set; }
    public string? Prefecture { get; set; }
    public string? City { get; set; }
    public string? Street { get; set; }
    public string? Building { get; set; }

    public static CompanyInput Of(Company company) => new()
    {
        Name = company.Name, NameKana = company.NameKana, NameEn = company.NameEn, Phone = company.Phone, Notes = company.Notes,
        Status = company.Status, PostalCode = company.Address.PostalCode, Prefecture = company.Address.Prefecture,
        City = company.Address.City, Street = company.Address.Street, Building = company.Address.Building,
    };
}

/// <summary>
/// Staff's work on companies: find one (by code, name in kanji or kana, serial, member email),
/// edit it, move a member to another, merge two. Each change is audited with who made it.
/// </summary>
public sealed class CompanyAdministration(PortalDbContext db, CompanyDirectory directory, AuditLog audit)
{
    public async Task<List<Company>> SearchAsync(string? query)
    {
        var text = InputText.Normalize(query);
        if (text.Length == 0)
        {
            return [];
        }
        var comparable = CompanyNames.Comparable(text);
        var lower = text.ToLowerInvariant();
        var code = text.ToUpperInvariant();
        var serial = Machines.SerialNumber.Normalize(text);
        var byMachine = db.Devices.Where(d => d.Serial == serial).Select(d => d.CompanyId);
        var byMember = db.Users.Where(u => u.Email!.Contains(lower)).Select(u => u.CompanyId);
        return await db.Companies.AsNoTracking()
            .Where(c => c.MergedIntoId == null)
            .Where(c => c.Code == code || (comparable.Length > 0 && c.ComparableName.Contains(comparable))
                || (c.NameKana != null && c.NameKana.Contains(text)) || byMachine.Contains(c.Id) || byMember.Contains(c.Id))
            .OrderBy(c => c.Code).Take(100).ToListAsync();
    }

    public async Task<List<CompanyMember>> MembersAsync(int companyId)
    {
        var members = await db.Users.AsNoTracking().Where(u => u.CompanyId == companyId).OrderBy(u => u.FamilyNameKana).ThenBy(u => u.Email).ToListAsync();
        var ids = members.Select(m => m.Id).ToList();
        var roles = await (from userRole in db.UserRoles
                           join role in db.Roles on userRole.RoleId equals role.Id
                           where ids.Contains(userRole.UserId)
                           select new { userRole.UserId, role.Name }).ToListAsync();
        var lastSessions = await db.UserSessions.Where(s => ids.Contains(s.UserId))
            .GroupBy(s => s.UserId).Select(g => new { UserId = g.Key, Last = g.Max(s => s.CreatedAt) }).ToListAsync();
        return
        [
            .. members.Select(m => new CompanyMember(m,
                [.. roles.Where(r => r.UserId == m.Id).Select(r => r.Name!).Order()],
                lastSessions.FirstOrDefault(s => s.UserId == m.Id)?.Last)),
        ];
    }

    /// <summary>
    /// Registrations waiting for review that look like this company's: their serial is one of its
    /// machines, or their company name reads the same. The queue is short, so names are compared here.
    /// </summary>
    public async Task<List<PortalUser>> PendingRegistrationsAsync(Company company)
    {
        var serials = db.Devices.Where(d => d.CompanyId == company.Id).Select(d => d.Serial);
        var pending = await db.Users.AsNoTracking().Where(u => u.Status == AccountStatus.PendingReview && u.CompanyId == null)
            .Select(u => new { User = u, OwnSerial = serials.Contains(u.RegisteredSerial!) }).ToListAsync();
        return
        [
            .. pending.Where(p => p.OwnSerial || CompanyNames.Comparable(p.User.CompanyName) == company.ComparableName)
                .Select(p => p.User).OrderBy(u => u.CreatedAt),
        ];
    }

    /// <summary>Saves the edit; false when the name is empty or too long (nothing is stored then).</summary>
    public async Task<bool> UpdateAsync(Company company, CompanyInput input, string staff)
    {
        var name = InputText.Normalize(input.Name);
        var prefecture = InputText.Normalize(input.Prefecture);
        if (name.Length is 0 or > 200 || Longer(input.NameKana, 200) || Longer(input.NameEn, 200) || Longer(input.Phone, 30) || Longer(input.Notes, 4000)
            || Longer(input.PostalCode, 8) || (prefecture.Length > 0 && !Registration.Prefectures.IsCode(prefecture))
            || Longer(input.City, 200) || Longer(input.Street, 200) || Longer(input.Building, 200))
        {
            return false;
        }
        company.Rename(name);
        company.NameKana = Optional(input.NameKana);
        company.NameEn = Optional(input.NameEn);
        company.Phone = Optional(input.Phone);
        company.Notes = Optional(input.Notes);
        company.Status = input.Status;
        company.Address = new PostalAddress
        {
            PostalCode = InputText.Normalize(input.PostalCode), Prefecture = prefecture, City = InputText.Normalize(input.City),
            Street = InputText.Normalize(input.Street), Building = Optional(input.Building),
        };
        audit.Add(AuditEventType.CompanyChanged, null, null, $"{staff}: edited {company.Code}");
        await db.SaveChangesAsync();
        return true;
    }

    /// <summary>Moves a member to the company of <paramref name="toCode"/>; false when there is no such company.</summary>
    public async Task<bool> MoveMemberAsync(Company from, string userId, string? toCode, string staff)
    {
        var member = await db.Users.SingleOrDefaultAsync(u => u.Id == userId && u.CompanyId == from.Id);
        if (member is null || await directory.FindByCodeAsync(toCode) is not { } to || to.Id == from.Id)
        {
            return false;
        }
        member.CompanyId = to.Id;
        audit.Add(AuditEventType.CompanyChanged, member.Id, member.Email, $"{staff}: moved from {from.Code} to {to.Code}");
        await db.SaveChangesAsync();
        return true;
    }

    /// <summary>
    /// Merges <paramref name="merged"/> into the company of <paramref name="survivorCode"/>: its
    /// members and machines move, and its code keeps finding the survivor. False when there is no
    /// such company or it is the same one.
    /// </summary>
    public async Task<Company?> MergeAsync(Company merged, string? survivorCode, string staff)
    {
        if (await directory.FindByCodeAsync(survivorCode) is not { } survivor || survivor.Id == merged.Id)
        {
            return null;
        }
        await using var transaction = await db.Database.BeginTransactionAsync();
        await db.Users.Where(u => u.CompanyId == merged.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.CompanyId, survivor.Id));
        await db.Devices.Where(d => d.CompanyId == merged.Id).ExecuteUpdateAsync(d => d.SetProperty(x => x.CompanyId, survivor.Id));
        // Companies merged into this one before now follow the survivor directly.
        await db.Companies.Where(c => c.MergedIntoId == merged.Id).ExecuteUpdateAsync(c => c.SetProperty(x => x.MergedIntoId, survivor.Id));
        merged.MergedIntoId = survivor.Id;
        merged.Status = CompanyStatus.Closed;
        audit.Add(AuditEventType.CompanyChanged, null, null, $"{staff}: merged {merged.Code} into {survivor.Code}");
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return survivor;
    }

    private static bool Longer(string? text, int length) => InputText.Normalize(text).Length > length;

    private static string? Optional(string? text) => InputText.Normalize(text) is { Length: > 0 } value ? value : null;
}
