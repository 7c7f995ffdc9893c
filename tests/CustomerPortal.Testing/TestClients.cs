using System.Text.Json;

namespace CustomerPortal.Testing;

/// <summary>
/// Clients the tests register the way an operator does: a file dropped into seed/clients/.
/// </summary>
public static class TestClients
{
    public const string WebClientId = "test-web";
    public const string WebSecret = "test-web-secret";
    public const string WebRedirectUri = "https://rp.test/callback";
    public const string WebPostLogoutUri = "https://rp.test/signed-out";

    public const string ThirdPartyClientId = "test-third-party";
    public const string ThirdPartySecret = "test-third-party-secret";
    public const string ThirdPartyRedirectUri = "https://third.test/callback";

    public const string NativeClientId = "test-native";
    public const string NativeRedirectUri = "http://127.0.0.1/callback";

    public const string ServiceClientId = "test-service";
    public const string ServiceSecret = "test-service-secret";

    public static void WriteInto(string seedFolder)
    {
        Write(seedFolder, new
        {
            clientId = WebClientId,
            displayName = "Test web app",
            type = "confidential",
            secret = WebSecret,
            consent = "implicit",
            grantTypes = new[] { "authorization_code", "refresh_token" },
            scopes = new[] { "openid", "profile", "email", "phone", "address", "roles", "portal", "addresses", "offline_access" },
            redirectUris = new[] { WebRedirectUri },
            postLogoutRedirectUris = new[] { WebPostLogoutUri },
        });
        Write(seedFolder, new
        {
            clientId = ThirdPartyClientId,
            displayName = "Partner app",
            displayNames = new Dictionary<string, string> { ["ja"] = "パートナーアプリ", ["en"] = "Partner app" },
            type = "confidential",
            secret = ThirdPartySecret,
            consent = "explicit",
            grantTypes = new[] { "authorization_code" },
            scopes = new[] { "openid", "profile", "email" },
            redirectUris = new[] { ThirdPartyRedirectUri },
        });
        Write(seedFolder, new
        {
            clientId = NativeClientId,
            displayName = "Test native app",
            type = "public",
            grantTypes = new[] { "authorization_code", "refresh_token" },
            scopes = new[] { "openid", "profile", "offline_access" },
            redirectUris = new[] { NativeRedirectUri },
        });
        Write(seedFolder, new
        {
            clientId = ServiceClientId,
            displayName = "Test service",
            type = "confidential",
            secret = ServiceSecret,
            grantTypes = new[] { "client_credentials" },
            scopes = new[] { "addresses" },
        });
    }

    public static void Write(string seedFolder, object client)
    {
        var id = (string)client.GetType().GetProperty("clientId")!.GetValue(client)!;
        File.WriteAllText(Path.Combine(seedFolder, "clients", $"{id}.json"), JsonSerializer.Serialize(client));
    }
}
