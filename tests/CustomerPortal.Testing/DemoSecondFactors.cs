using System.Text.Json;
using System.Text.Json.Nodes;

namespace CustomerPortal.Testing;

/// <summary>
/// The demo staff and admin accounts have authenticator keys in seed/, and an authenticator code
/// is accepted once per 30-second step: the many tests that sign in as staff within seconds of each
/// other would be refused as replays. Their copies of seed/ drop the keys and their portals require
/// no second factor; the second-factor tests use the keys and the default policy on purpose.
/// </summary>
public static class DemoSecondFactors
{
    public const string RequirementSetting = "Security:RequireSecondFactorForRoles";

    public static void RemoveFrom(string seedFolder)
    {
        var file = Path.Combine(seedFolder, "development-users.json");
        var users = JsonNode.Parse(File.ReadAllText(file))!.AsArray();
        foreach (var user in users)
        {
            user!.AsObject().Remove("authenticatorKey");
        }
        File.WriteAllText(file, users.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }

    /// <summary>Adds an active account to a copy of seed/ (Development seeds it like the demo accounts).</summary>
    /// <param name="addressBookOf">A demo account whose address book the new one gets a copy of (to ask for quotes).</param>
    public static void AddAccount(
        string seedFolder, (string Email, string Password) account, string[] roles, string? companyCode = null, string? addressBookOf = null)
    {
        var file = Path.Combine(seedFolder, "development-users.json");
        var users = JsonNode.Parse(File.ReadAllText(file))!.AsArray();
        var user = new JsonObject
        {
            ["email"] = account.Email,
            ["password"] = account.Password,
            ["familyName"] = "試験",
            ["givenName"] = "多要素",
            ["companyCode"] = companyCode,
            ["roles"] = new JsonArray([.. roles.Select(role => JsonValue.Create(role))]),
        };
        if (addressBookOf is not null)
        {
            user["addressBook"] = users.Single(other => (string?)other!["email"] == addressBookOf)!["addressBook"]!.DeepClone();
        }
        users.Add(user);
        File.WriteAllText(file, users.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }

    /// <summary>Puts the repository's demo accounts back, keys included (for the tests of the demo's second factors).</summary>
    public static void RestoreInto(string seedFolder) =>
        File.Copy(Path.Combine(RepositoryRoot.Path, "seed", "development-users.json"), Path.Combine(seedFolder, "development-users.json"), overwrite: true);

    /// <summary>The authenticator key seeded for a demo account (of the repository's seed/ unless another folder is named).</summary>
    public static string KeyOf(string email, string? seedFolder = null) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(seedFolder ?? Path.Combine(RepositoryRoot.Path, "seed"), "development-users.json")))
            .RootElement.EnumerateArray()
            .Single(user => user.GetProperty("email").GetString() == email).GetProperty("authenticatorKey").GetString()!;
}
