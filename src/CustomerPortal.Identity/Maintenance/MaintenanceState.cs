namespace CustomerPortal.Identity.Maintenance;

/// <summary>
/// The guide warns that the site may be under maintenance without notice. One row, shared by
/// every node through the database, so switching needs no restart anywhere.
/// </summary>
public class MaintenanceState
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;
    public bool Enabled { get; set; }
    public string MessageJa { get; set; } = "";
    public string MessageEn { get; set; } = "";
    public DateTimeOffset? ExpectedEnd { get; set; }
    public DateTimeOffset ChangedAt { get; set; }
    public string? ChangedBy { get; set; }

    public string Message(string language) => language == "en" ? MessageEn : MessageJa;
}
