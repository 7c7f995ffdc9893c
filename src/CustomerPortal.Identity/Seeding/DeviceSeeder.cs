using CustomerPortal.Identity.Data;
using CustomerPortal.Identity.Machines;
using Microsoft.EntityFrameworkCore;

namespace CustomerPortal.Identity.Seeding;

/// <summary>
/// Creates or updates the machines of seed/devices.json, and the companies they are bound to. A
/// binding made by a reviewer is kept when the file names no company for that machine.
/// </summary>
public sealed class DeviceSeeder(PortalDbContext db, Companies.CompanyDirectory companies)
{
    public async Task SeedAsync(SeedFolder seed)
    {
        foreach (var declared in seed.Devices())
        {
            if (!SerialNumber.IsValid(declared.Serial))
            {
                throw new SeedException($"devices.json: \"{declared.Serial}\" is not a 7-digit serial number.");
            }
            var device = await db.Devices.SingleOrDefaultAsync(d => d.Serial == declared.Serial);
            if (device is null)
            {
                device = new Device { Serial = declared.Serial };
                db.Devices.Add(device);
            }
            device.Model = declared.Model;
            if (declared.CompanyCode is not null)
            {
                // The company is set up from the file the first time; later, staff's edits to it stand.
                var company = await companies.FindByCodeAsync(declared.CompanyCode)
                    ?? await companies.CreateAsync(declared.CompanyName ?? declared.CompanyCode, declared.CompanyCode);
                await db.SaveChangesAsync();
                device.CompanyId = company.Id;
            }
        }
        await db.SaveChangesAsync();
    }
}
