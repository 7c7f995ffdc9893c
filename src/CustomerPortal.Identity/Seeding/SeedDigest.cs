using System.Security.Cryptography;
using System.Text;

namespace CustomerPortal.Identity.Seeding;

/// <summary>
/// A SHA-256 over everything seeding reads: the seed files, the client secrets given in
/// configuration, the environment (development users exist only in Development) and the build of
/// the IdP (a new build may seed differently). Equal digests mean that seeding again would change
/// nothing that seed/ declares.
/// </summary>
public static class SeedDigest
{
    public static string Of(SeedFolder seed, IConfiguration configuration, IHostEnvironment environment)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string text)
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            sha.AppendData(BitConverter.GetBytes(bytes.Length));
            sha.AppendData(bytes);
        }

        Add(environment.EnvironmentName);
        Add(typeof(SeedDigest).Assembly.ManifestModule.ModuleVersionId.ToString());
        foreach (var file in seed.Files())
        {
            Add(Path.GetRelativePath(seed.Path, file).Replace('\\', '/'));
            Add(File.ReadAllText(file));
        }
        foreach (var (key, value) in configuration.GetSection(ClientSeeder.ConfigurationSection).AsEnumerable()
                     .Where(setting => setting.Value is not null)
                     .OrderBy(setting => setting.Key, StringComparer.Ordinal))
        {
            Add(key);
            Add(value!);
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
