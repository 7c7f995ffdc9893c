using System.Text.Json;
using CustomerPortal.Identity.Hosting;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace CustomerPortal.Identity.Seeding;

/// <summary>
/// The declarative seed/ folder: clients/*.json, scopes.json, roles.json and, for Development only,
/// development-users.json. Read fresh on every start, so dropping a file in is enough.
/// </summary>
public sealed class SeedFolder(string path)
{
    public const string PathSetting = "Seed:Path";

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    public string Path { get; } = path;

    public static SeedFolder From(IConfiguration configuration, IHostEnvironment environment) =>
        new(RepositoryFolder.Resolve(configuration[PathSetting], "seed", environment.ContentRootPath));

    /// <summary>Every scope the server knows: the two OpenID Connect defines itself, then those declared.</summary>
    public IEnumerable<string> ScopeNames() =>
        new[] { Scopes.OpenId, Scopes.OfflineAccess }.Concat(ScopeSeeds().Select(scope => scope.Name)).Distinct();

    public IReadOnlyList<ScopeSeed> ScopeSeeds() => Read<List<ScopeSeed>>("scopes.json");

    public IReadOnlyList<RoleSeed> Roles() => Read<List<RoleSeed>>("roles.json");

    public IReadOnlyList<DeviceSeed> Devices() =>
        File.Exists(System.IO.Path.Combine(Path, "devices.json")) ? Read<List<DeviceSeed>>("devices.json") : [];

    public IReadOnlyList<DevelopmentUserSeed> DevelopmentUsers() =>
        File.Exists(System.IO.Path.Combine(Path, "development-users.json")) ? Read<List<DevelopmentUserSeed>>("development-users.json") : [];

    public IReadOnlyList<(string File, ClientSeed Client)> Clients()
    {
        var folder = System.IO.Path.Combine(Path, "clients");
        if (!Directory.Exists(folder))
        {
            return [];
        }
        return Directory.EnumerateFiles(folder, "*.json")
            .Order(StringComparer.Ordinal)
            .Select(file => (file, Read<ClientSeed>(System.IO.Path.GetRelativePath(Path, file))))
            .ToList();
    }

    /// <summary>The files the reads above open, those that exist: what <see cref="SeedDigest"/> covers.</summary>
    public IEnumerable<string> Files()
    {
        foreach (var name in new[] { "scopes.json", "roles.json", "devices.json", "development-users.json" })
        {
            var file = System.IO.Path.Combine(Path, name);
            if (File.Exists(file))
            {
                yield return file;
            }
        }
        var clients = System.IO.Path.Combine(Path, "clients");
        if (Directory.Exists(clients))
        {
            foreach (var file in Directory.EnumerateFiles(clients, "*.json").Order(StringComparer.Ordinal))
            {
                yield return file;
            }
        }
    }

    private T Read<T>(string relativePath)
    {
        var file = System.IO.Path.Combine(Path, relativePath);
        try
        {
            return JsonSerializer.Deserialize<T>(File.ReadAllText(file), Json)
                ?? throw new InvalidOperationException("the file is empty");
        }
        catch (Exception error) when (error is JsonException or InvalidOperationException or IOException)
        {
            throw new SeedException($"Seed file {file} cannot be read: {error.Message}", error);
        }
    }
}

public sealed class SeedException(string message, Exception? inner = null) : Exception(message, inner);
