using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using CustomerPortal.ServiceDefaults.Hosting;
using Microsoft.Extensions.Options;

namespace CustomerPortal.ServiceDefaults.Theming;

/// <summary>
/// Every user-visible text, read from themes/{theme}/messages/{language}.json. A key missing in
/// a theme is looked up in its parent (theme.json "parent"), as Keycloak's themes do.
/// </summary>
public sealed class MessageBundle
{
    public static readonly string[] Languages = ["ja", "en"];
    public const string DefaultLanguage = "ja";

    private readonly FrozenDictionary<string, FrozenDictionary<string, string>> _byLanguage;

    public MessageBundle(IOptions<ThemeOptions> options, IHostEnvironment environment, IConfiguration configuration)
    {
        var root = RepositoryFolder.Resolve(options.Value.Path, "themes", environment.ContentRootPath);
        ThemeChain = ThemeChainOf(root, options.Value.Name);
        _byLanguage = Languages.ToFrozenDictionary(language => language, language => Load(ThemeChain, language, configuration));
    }

    /// <summary>The operator names the portal (Portal:Name:ja, Portal:Name:en); it appears in titles and email subjects.</summary>
    public const string PortalNameKey = "portal.name";

    /// <summary>The desk customers write to, named in every mail's signature (Portal:Contact:Name:ja, Portal:Contact:Name:en).</summary>
    public const string ContactNameKey = "portal.contact.name";

    /// <summary>The desk's address, the same in every language (Portal:Contact:Email).</summary>
    public const string ContactEmailKey = "portal.contact.email";

    /// <summary>Theme folders from the chosen theme down to its farthest parent.</summary>
    public IReadOnlyList<string> ThemeChain { get; }

    /// <summary>The text for <paramref name="key"/> in the current UI language, with {0}-style arguments.</summary>
    public string this[string key, params object?[] arguments] => Get(CultureInfo.CurrentUICulture, key, arguments);

    public string Get(CultureInfo culture, string key, params object?[] arguments)
    {
        var language = LanguageOf(culture);
        var text = _byLanguage[language].TryGetValue(key, out var found) ? found
            : _byLanguage[DefaultLanguage].TryGetValue(key, out var fallback) ? fallback
            : key; // a visible key is easier to spot in review than an empty space
        return arguments.Length == 0 ? text : string.Format(culture, text, arguments);
    }

    public IReadOnlyCollection<string> KeysOf(string language) => _byLanguage[language].Keys;

    public static string LanguageOf(CultureInfo culture) =>
        Languages.Contains(culture.TwoLetterISOLanguageName) ? culture.TwoLetterISOLanguageName : DefaultLanguage;

    private static List<string> ThemeChainOf(string root, string name)
    {
        var chain = new List<string>();
        for (string? current = name; current is not null;)
        {
            var folder = Path.Combine(root, current);
            if (!Directory.Exists(folder))
            {
                throw new ConfigurationException($"Theme '{current}' was not found in {root} (setting {ThemeOptions.Section}:Name).");
            }
            if (chain.Contains(folder))
            {
                throw new ConfigurationException($"Theme '{current}' is its own ancestor.");
            }
            chain.Add(folder);
            current = ParentOf(folder);
        }
        return chain;
    }

    private static string? ParentOf(string themeFolder)
    {
        var file = Path.Combine(themeFolder, "theme.json");
        if (!File.Exists(file))
        {
            return null;
        }
        using var document = JsonDocument.Parse(File.ReadAllText(file));
        return document.RootElement.TryGetProperty("parent", out var parent) ? parent.GetString() : null;
    }

    private static FrozenDictionary<string, string> Load(IReadOnlyList<string> chain, string language, IConfiguration configuration)
    {
        var messages = new Dictionary<string, string>();
        // Farthest parent first, so that each child overrides what it redefines.
        foreach (var folder in chain.Reverse())
        {
            var file = Path.Combine(folder, "messages", $"{language}.json");
            if (!File.Exists(file))
            {
                continue;
            }
            var entries = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(file))
                ?? throw new ConfigurationException($"{file} is empty.");
            foreach (var (key, value) in entries)
            {
                messages[key] = value;
            }
        }
        // What differs per deployment is set by the operator, over whatever the theme says.
        foreach (var (setting, key) in new[]
        {
            ($"Portal:Name:{language}", PortalNameKey),
            ($"Portal:Contact:Name:{language}", ContactNameKey),
            ("Portal:Contact:Email", ContactEmailKey),
        })
        {
            if (configuration[setting] is { Length: > 0 } value)
            {
                messages[key] = value;
            }
        }
        return messages.ToFrozenDictionary();
    }
}
