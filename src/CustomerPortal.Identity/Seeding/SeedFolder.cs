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

    // The files seeding reads, named once for the reads below and for Files().
    private const string ScopesFile = "scopes.json";
    private const string RolesFile = "roles.json";
    private const string DevicesFile = "devices.json";
    private const string DevelopmentUsersFile = "development-users.json";

    public IReadOnlyList<ScopeSeed> ScopeSeeds() => Read<List<ScopeSeed>>(ScopesFile);

    public IReadOnlyList<RoleSeed> Roles() => Read<List<RoleSeed>>(RolesFile);

    public IReadOnlyList<DeviceSeed> Devices() => Exists(DevicesFile) ? Read<List<DeviceSeed>>(DevicesFile) : [];

    public IReadOnlyList<DevelopmentUserSeed> DevelopmentUsers() =>
        Exists(DevelopmentUsersFile) ? Read<List<DevelopmentUserSeed>>(DevelopmentUsersFile) : [];

    public IReadOnlyList<(string File, ClientSeed Client)> Clients() =>
        ClientFiles().Select(file => (file, Read<ClientSeed>(System.IO.Path.GetRelativePath(Path, file)))).ToList();

    /// <summary>The files the reads above open, those that exist: what <see cref="SeedDigest"/> covers.</summary>
    public IEnumerable<string> Files() =>
        new[] { ScopesFile, RolesFile, DevicesFile, DevelopmentUsersFile }.Where(Exists)
            .Select(name => System.IO.Path.Combine(Path, name))
            .Concat(ClientFiles());

    /// <summary>seed/clients/*.json, in a fixed order.</summary>
    private IEnumerable<string> ClientFiles()
    {
        var folder = System.IO.Path.Combine(Path, "clients");
        return Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal) : [];
    }

    private bool Exists(string name) => File.Exists(System.IO.Path.Combine(Path, name));

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
