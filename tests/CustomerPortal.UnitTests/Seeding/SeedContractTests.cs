using System.Text.Json;
using CustomerPortal.Testing;

namespace CustomerPortal.UnitTests.Seeding;

/// <summary>seed/ declares the roles and scopes the code names in Contracts: the two never drift apart.</summary>
public sealed class SeedContractTests
{
    [Fact]
    public void RolesJson_DeclaresExactlyThePortalsRoles()
    {
        Assert.Equal(PortalRoles.All.Order(), NamesIn("roles.json").Order());
    }

    [Fact]
    public void ScopesJson_DeclaresThePortalsOwnScopes()
    {
        var declared = NamesIn("scopes.json");

        Assert.Contains(PortalScopes.Portal, declared);
        Assert.Contains(PortalScopes.Addresses, declared);
    }

    private static List<string> NamesIn(string file) =>
        [.. JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "seed", file))).RootElement
            .EnumerateArray().Select(entry => entry.GetProperty("name").GetString()!)];
}
