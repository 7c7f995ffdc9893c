using System.Text.Json;
using CustomerPortal.ServiceDefaults.Hosting;

namespace CustomerPortal.Ordering.Catalog;

/// <summary>One item of the supplies catalog (seed/ordering/catalog.json).</summary>
public sealed record CatalogItem(
    string Code, IReadOnlyList<string> Models, string Category, long Price, bool Taxable, IReadOnlyDictionary<string, string> Names)
{
    public string Name(string language) => Names.TryGetValue(language, out var name) ? name : Names[MessageBundle.DefaultLanguage];
}

/// <summary>Configuration section "Catalog".</summary>
public sealed class CatalogOptions
{
    public const string Section = "Catalog";

    /// <summary>The catalog file; by default the repository's seed/ordering/catalog.json.</summary>
    public string? Path { get; set; }
}

/// <summary>The supplies catalog, read once at start-up; the categories are shown in this order.</summary>
public sealed class SuppliesCatalog
{
    public static readonly string[] Categories = ["postage", "ink", "tape", "sealing"];
    public const int MaxQuantity = 99;

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private readonly Dictionary<string, CatalogItem> _items;

    public SuppliesCatalog(Microsoft.Extensions.Options.IOptions<CatalogOptions> options, IHostEnvironment environment)
    {
        var file = options.Value.Path is { Length: > 0 } configured
            ? System.IO.Path.GetFullPath(configured, environment.ContentRootPath)
            : System.IO.Path.Combine(RepositoryFolder.Resolve(null, "seed", environment.ContentRootPath), "ordering", "catalog.json");
        var items = JsonSerializer.Deserialize<List<CatalogItem>>(File.ReadAllText(file), JsonOptions)
            ?? throw new ConfigurationException($"{file} is empty.");
        foreach (var item in items.Where(i => !Categories.Contains(i.Category) || i.Price <= 0 || !i.Names.ContainsKey(MessageBundle.DefaultLanguage)))
        {
            throw new ConfigurationException($"{file}: item {item.Code} needs a known category, a positive price and a Japanese name.");
        }
        _items = items.ToDictionary(i => i.Code, StringComparer.Ordinal);
    }

    public CatalogItem? Find(string code) => _items.GetValueOrDefault(code);

    /// <summary>The items that fit at least one of the given machine models.</summary>
    public IReadOnlyList<CatalogItem> ForModels(IEnumerable<string> models)
    {
        var owned = models.ToHashSet(StringComparer.OrdinalIgnoreCase);
        return [.. _items.Values
            .Where(i => i.Models.Any(owned.Contains))
            .OrderBy(i => Array.IndexOf(Categories, i.Category))
            .ThenBy(i => i.Price)
            .ThenBy(i => i.Code, StringComparer.Ordinal)];
    }
}
