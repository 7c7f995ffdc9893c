using System.Security.Cryptography;
using CustomerPortal.Identity.Data;
using Microsoft.EntityFrameworkCore;

namespace CustomerPortal.Identity.Companies;

/// <summary>Finding companies (by code, following merges; by name as people type it) and setting new ones up.</summary>
public sealed class CompanyDirectory(PortalDbContext db, TimeProvider clock)
{
    /// <summary>The company of <paramref name="code"/>; a merged-away code finds the company it was merged into.</summary>
    public async Task<Company?> FindByCodeAsync(string? code)
    {
        var trimmed = code?.Trim() ?? "";
        if (trimmed.Length is 0 or > 20)
        {
            return null;
        }
        var company = await db.Companies.SingleOrDefaultAsync(c => c.Code == trimmed);
        // A chain of merges is short; the bound guards against a loop written by hand into the database.
        for (var hops = 0; company?.MergedIntoId is { } survivor && hops < 10; hops++)
        {
            company = await db.Companies.SingleOrDefaultAsync(c => c.Id == survivor);
        }
        return company;
    }

    /// <summary>The codes of the companies merged into <paramref name="companyId"/>, which still lead to it.</summary>
    public Task<List<string>> FormerCodesAsync(int companyId) =>
        db.Companies.Where(c => c.MergedIntoId == companyId).OrderBy(c => c.Code).Select(c => c.Code).ToListAsync();

    public Task<Company?> FindAsync(int? id) =>
        id is null ? Task.FromResult<Company?>(null) : db.Companies.SingleOrDefaultAsync(c => c.Id == id);

    /// <summary>Companies (not merged away) whose name reads the same as <paramref name="name"/> once normalised.</summary>
    public async Task<List<Company>> WithSameNameAsync(string? name)
    {
        var comparable = CompanyNames.Comparable(name);
        return comparable.Length == 0
            ? []
            : await db.Companies.Where(c => c.ComparableName == comparable && c.MergedIntoId == null).OrderBy(c => c.Code).ToListAsync();
    }

    /// <summary>The company the registration's serial is bound to, if any.</summary>
    public async Task<Company?> OfSerialAsync(string? serial) =>
        string.IsNullOrEmpty(serial)
            ? null
            : await FindAsync(await db.Devices.AsNoTracking().Where(d => d.Serial == serial).Select(d => d.CompanyId).SingleOrDefaultAsync());

    /// <summary>
    /// The companies a registration may belong to, most likely first: the one its serial is bound
    /// to, then those whose name reads the same, whose phone number or postal code is the same.
    /// Each says why ("serial", "name", "phone", "postalCode").
    /// </summary>
    public async Task<List<CompanyCandidate>> CandidatesForAsync(PortalUser registration)
    {
        var found = new List<(Company Company, string Reason)>();
        if (await OfSerialAsync(registration.RegisteredSerial) is { } owner)
        {
            found.Add((owner, "serial"));
        }
        found.AddRange((await WithSameNameAsync(registration.CompanyName)).Select(c => (c, "name")));
        var digits = Account.InputText.DigitsOf(registration.PhoneNumber);
        if (digits.Length >= 6)
        {
            // A cheap filter in the database, then the digits compared as typed with or without hyphens.
            var tail = digits[^4..];
            var samePhone = await db.Companies.Where(c => c.MergedIntoId == null && c.Phone != null && c.Phone.Contains(tail)).ToListAsync();
            found.AddRange(samePhone.Where(c => Account.InputText.DigitsOf(c.Phone) == digits).Select(c => (c, "phone")));
        }
        if (registration.Address.PostalCode is { Length: > 0 } postalCode)
        {
            found.AddRange((await db.Companies.Where(c => c.MergedIntoId == null && c.Address.PostalCode == postalCode).Take(20).ToListAsync())
                .Select(c => (c, "postalCode")));
        }
        return
        [
            .. found.GroupBy(f => f.Company.Id)
                .Select(g => new CompanyCandidate(g.First().Company, [.. g.Select(f => f.Reason).Distinct()])),
        ];
    }

    /// <summary>
    /// A new company (tracked; saved with the caller's change), filled from what a member typed at
    /// registration; <paramref name="code"/> as staff entered it, else a new one.
    /// </summary>
    public async Task<Company> CreateFromAsync(PortalUser member, string? code = null)
    {
        var company = new Company
        {
            Code = string.IsNullOrWhiteSpace(code) ? await NewCodeAsync() : code.Trim(),
            Address = new PostalAddress
            {
                PostalCode = member.Address.PostalCode, Prefecture = member.Address.Prefecture, City = member.Address.City,
                Street = member.Address.Street, Building = member.Address.Building,
            },
            Phone = member.PhoneNumber,
            CreatedAt = clock.GetUtcNow(),
        };
        company.Rename(member.CompanyName);
        db.Companies.Add(company);
        return company;
    }

    /// <summary>A company with only a name and a code (a machine's company in the device registry).</summary>
    public async Task<Company> CreateAsync(string name, string? code = null)
    {
        var company = new Company { Code = string.IsNullOrWhiteSpace(code) ? await NewCodeAsync() : code.Trim(), CreatedAt = clock.GetUtcNow() };
        company.Rename(name);
        db.Companies.Add(company);
        return company;
    }

    /// <summary>
    /// "P" and six random digits: short enough to read out on the phone, not a count of customers,
    /// and apart from the vendor's own codes that staff enter (such as C0001).
    /// </summary>
    private async Task<string> NewCodeAsync()
    {
        while (true)
        {
            var code = $"P{RandomNumberGenerator.GetInt32(1_000_000):D6}";
            if (!await db.Companies.AnyAsync(c => c.Code == code) && !db.Companies.Local.Any(c => c.Code == code))
            {
                return code;
            }
        }
    }
}
