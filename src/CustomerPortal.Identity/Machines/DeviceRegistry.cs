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
        var boundElsewhere = device.CompanyCode is not null
            && !string.Equals(Comparable(device.CompanyName), Comparable(companyName), StringComparison.Ordinal);
        return boundElsewhere ? SerialCheck.BoundToOtherCompany : SerialCheck.Known;
    }

    public Task<Device?> FindAsync(string serial) => db.Devices.AsNoTracking().SingleOrDefaultAsync(d => d.Serial == serial);

    /// <summary>Records that the machine belongs to the company (tracked; saved with the caller's change).</summary>
    public async Task BindAsync(string serial, string companyCode, string companyName)
    {
        var device = await db.Devices.SingleOrDefaultAsync(d => d.Serial == serial);
        if (device is null)
        {
            device = new Device { Serial = serial };
            db.Devices.Add(device);
        }
        device.CompanyCode = companyCode;
        device.CompanyName = companyName;
    }

    /// <summary>Company names as people type them: "株式会社 サンプル" and "株式会社サンプル" are the same company.</summary>
    private static string Comparable(string? name) =>
        new(Account.InputText.Normalize(name).Where(c => !char.IsWhiteSpace(c)).ToArray());
}
