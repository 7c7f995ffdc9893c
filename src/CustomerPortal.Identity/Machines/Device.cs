namespace CustomerPortal.Identity.Machines;

/// <summary>One machine of the device registry (seed/devices.json): serial, model, owning company.</summary>
public class Device
{
    /// <summary>Exactly 7 ASCII digits.</summary>
    public string Serial { get; set; } = "";
    public string Model { get; set; } = "";

    /// <summary>The customer company the machine is bound to (<see cref="Companies.Company"/>), if any.</summary>
    public int? CompanyId { get; set; }
}

/// <summary>A machine listed under a user's account (ご利用機器).</summary>
public class UserMachine
{
    public string UserId { get; set; } = "";
    public string Serial { get; set; } = "";
    public DateTimeOffset AddedAt { get; set; }

    /// <summary>What the registry said when the serial was added, for staff.</summary>
    public Data.SerialCheck Check { get; set; }
}
