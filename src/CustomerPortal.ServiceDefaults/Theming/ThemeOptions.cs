namespace CustomerPortal.ServiceDefaults.Theming;

/// <summary>Configuration section "Theme".</summary>
public sealed class ThemeOptions
{
    public const string Section = "Theme";

    /// <summary>Folder holding one sub-folder per theme; by default the repository's themes/.</summary>
    public string? Path { get; set; }

    /// <summary>The theme in use; it names its parent in theme.json, down to "base".</summary>
    public string Name { get; set; } = "base";
}
