using System.ComponentModel.DataAnnotations;

namespace CustomerPortal.Identity.Data;

/// <summary>Configuration section "Storage".</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>"Sqlite" (default). Further providers bring their own migrations.</summary>
    [Required]
    public string Provider { get; set; } = "Sqlite";

    /// <summary>
    /// Folder for the SQLite database and, in Development, the generated keys.
    /// Relative paths are resolved against the content root.
    /// </summary>
    [Required]
    public string DataFolder { get; set; } = "App_Data";

    /// <summary>Overrides the connection string; by default a portal.db file in <see cref="DataFolder"/>.</summary>
    public string? ConnectionString { get; set; }
}
