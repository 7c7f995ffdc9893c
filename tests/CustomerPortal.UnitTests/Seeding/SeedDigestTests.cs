using CustomerPortal.Identity.Seeding;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace CustomerPortal.UnitTests.Seeding;

/// <summary>
/// A Development start skips seeding when the digest is the one last applied, so every input of
/// seeding must move it: otherwise an edit would silently not be applied.
/// </summary>
public sealed class SeedDigestTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("seed-digest").FullName;

    public SeedDigestTests()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "clients"));
        File.WriteAllText(Path.Combine(_folder, "roles.json"), """[{ "name": "staff" }]""");
        File.WriteAllText(Path.Combine(_folder, "clients", "app.json"), """{ "clientId": "app" }""");
    }

    [Fact]
    public void SameFilesSettingsAndEnvironment_GiveTheSameDigest()
    {
        Assert.Equal(Digest(), Digest());
    }

    [Fact]
    public void AnEditedFile_AnAddedClient_ASecretInConfiguration_OrAnotherEnvironment_ChangeIt()
    {
        var before = Digest();

        File.WriteAllText(Path.Combine(_folder, "roles.json"), """[{ "name": "staff" }, { "name": "admin" }]""");
        var edited = Digest();
        File.WriteAllText(Path.Combine(_folder, "clients", "other.json"), """{ "clientId": "other" }""");
        var added = Digest();
        var withSecret = Digest(new() { ["Clients:app:Secret"] = "from-the-vault" });
        var rotated = Digest(new() { ["Clients:app:Secret"] = "rotated" });
        var production = Digest(environment: Environments.Production);

        Assert.Equal(6, new[] { before, edited, added, withSecret, rotated, production }.Distinct().Count());
    }

    [Fact]
    public void FilesSeedingDoesNotRead_LeaveItAlone()
    {
        var before = Digest();

        File.WriteAllText(Path.Combine(_folder, "holidays-jp.json"), "[]");
        File.WriteAllText(Path.Combine(_folder, "clients", "README.txt"), "notes");

        Assert.Equal(before, Digest());
    }

    private string Digest(Dictionary<string, string?>? settings = null, string environment = "Development") =>
        SeedDigest.Of(new SeedFolder(_folder), new ConfigurationBuilder().AddInMemoryCollection(settings ?? []).Build(),
            new Environment { EnvironmentName = environment });

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private sealed class Environment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "";
        public string ApplicationName { get; set; } = "test";
        public string ContentRootPath { get; set; } = "";
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
