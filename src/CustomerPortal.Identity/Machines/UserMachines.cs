using CustomerPortal.Identity.Data;
using Microsoft.EntityFrameworkCore;

namespace CustomerPortal.Identity.Machines;

public sealed record MachineView(string Serial, string? Model, SerialCheck Check);

public enum MachineChange { Added, Removed, Invalid, AlreadyListed, NotListed }

/// <summary>The machines on an account (ご利用機器); equipment operators add and remove them.</summary>
public sealed class UserMachines(PortalDbContext db, DeviceRegistry registry, TimeProvider clock)
{
    public async Task<List<MachineView>> ListAsync(string userId) =>
        await (from machine in db.UserMachines.AsNoTracking()
               where machine.UserId == userId
               join device in db.Devices.AsNoTracking() on machine.Serial equals device.Serial into devices
               from device in devices.DefaultIfEmpty()
               orderby machine.Serial
               select new MachineView(machine.Serial, device == null ? null : device.Model, machine.Check)).ToListAsync();

    /// <summary>Validated and flagged like a serial at registration: unknown serials are accepted and flagged.</summary>
    public async Task<MachineChange> AddAsync(PortalUser user, string? input)
    {
        var serial = SerialNumber.Normalize(input);
        if (!SerialNumber.IsValid(serial))
        {
            return MachineChange.Invalid;
        }
        if (await db.UserMachines.AnyAsync(m => m.UserId == user.Id && m.Serial == serial))
        {
            return MachineChange.AlreadyListed;
        }
        db.UserMachines.Add(new UserMachine
        {
            UserId = user.Id,
            Serial = serial,
            AddedAt = clock.GetUtcNow(),
            Check = await registry.CheckAsync(serial, user.CompanyName),
        });
        await db.SaveChangesAsync();
        return MachineChange.Added;
    }

    public async Task<MachineChange> RemoveAsync(string userId, string serial) =>
        await db.UserMachines.Where(m => m.UserId == userId && m.Serial == serial).ExecuteDeleteAsync() == 1
            ? MachineChange.Removed
            : MachineChange.NotListed;
}
