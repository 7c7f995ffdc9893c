using CustomerPortal.Identity.Data;
using Microsoft.EntityFrameworkCore;

namespace CustomerPortal.Identity.Machines;

/// <summary>Looks serials up in the device registry and binds them to customer companies.</summary>
public sealed class DeviceRegistry(PortalDbContext db)
{
    /// <summary>
    /// What the reviewer should know about a serial given at registration. Unknown serials and
    /// serials of another company are accepted, only flagged, so the answer never tells the
    /// registrant whether a serial exists.
    /// </summary>
    public async Task<SerialCheck> CheckAsync(string? serial, string companyName)
    {
        if (string.IsNullOrEmpty(serial))
        {
            return SerialCheck.NotGiven;
        }
        var device = await db.Devices.AsNoTracking().SingleOrDefaultAsync(d => d.Serial == serial);
        if (device is null)
        {
            return SerialCheck.Unknown;
        }
        var owner = device.CompanyId is { } id ? await db.Companies.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id) : null;
        return owner is not null && !Companies.CompanyNames.AreSame(owner.Name, companyName) ? SerialCheck.BoundToOtherCompany : SerialCheck.Known;
    }

    public Task<Device?> FindAsync(string serial) => db.Devices.AsNoTracking().SingleOrDefaultAsync(d => d.Serial == serial);

    /// <summary>
    /// Records that the machine belongs to the company, unless it is bound already (tracked; saved
    /// with the caller's change): a serial moves to another company only by staff's explicit choice.
    /// </summary>
    public async Task BindIfUnboundAsync(string serial, Companies.Company company)
    {
        var device = await db.Devices.SingleOrDefaultAsync(d => d.Serial == serial);
        if (device is null)
        {
            device = new Device { Serial = serial };
            db.Devices.Add(device);
        }
        device.CompanyId ??= company.Id;
    }
}
