using System.ComponentModel.DataAnnotations;

namespace CustomerPortal.Identity.Data;

/// <summary>Configuration section "Storage".</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>"Sqlite" (default, one machine) or "PostgreSQL" (several nodes); each has its own migrations.</summary>
    [Required]
    public string Provider { get; set; } = "Sqlite";

    /// <summary>
    /// Folder for the SQLite database and, in Development, the generated keys.
    /// Relative paths are resolved against the content root.
    /// </summary>
    [Required]
    public string DataFolder { get; set; } = "App_Data";

    /// <summary>Required for PostgreSQL; for SQLite it overrides the default portal.db file in <see cref="DataFolder"/>.</summary>
    public string? ConnectionString { get; set; }
}

public static class StorageProviders
{
    public const string Sqlite = "Sqlite";
    public const string PostgreSql = "PostgreSQL";
}
