using CustomerPortal.Identity.Data;
using CustomerPortal.Identity.Machines;
using Microsoft.EntityFrameworkCore;

namespace CustomerPortal.Identity.Companies;

/// <summary>
/// The machines a member works with: those the device registry binds to their company, whoever
/// registered them, and those the member listed on the account that are bound to no other company
/// (a serial the registry does not know yet).
/// </summary>
public sealed class CompanyMachines(PortalDbContext db, UserMachines listed)
{
    public async Task<List<MachineView>> OfMemberAsync(PortalUser user)
    {
        var own = await listed.ListAsync(user.Id);
        if (user.CompanyId is not { } companyId)
        {
            return own;
        }
        var company = await OfCompanyAsync(companyId);
        var boundElsewhere = await db.Devices.AsNoTracking()
            .Where(d => d.CompanyId != null && d.CompanyId != companyId && own.Select(m => m.Serial).Contains(d.Serial))
            .Select(d => d.Serial).ToListAsync();
        return
        [
            .. company.Concat(own.Where(m => !boundElsewhere.Contains(m.Serial) && company.All(c => c.Serial != m.Serial)))
                .OrderBy(m => m.Serial, StringComparer.Ordinal),
        ];
    }

    public async Task<List<MachineView>> OfCompanyAsync(int companyId) =>
        await db.Devices.AsNoTracking().Where(d => d.CompanyId == companyId).OrderBy(d => d.Serial)
            .Select(d => new MachineView(d.Serial, d.Model, SerialCheck.Known)).ToListAsync();
}
