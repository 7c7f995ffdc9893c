namespace CustomerPortal.Identity.Seeding;

/// <summary>One file in seed/clients/: a relying app or a service client.</summary>
public sealed record ClientSeed
{
    public required string ClientId { get; init; }
    public required string DisplayName { get; init; }

    /// <summary>Display names per language, shown on the consent page.</summary>
    public Dictionary<string, string> DisplayNames { get; init; } = [];

    /// <summary>"confidential" (has a secret) or "public" (a native or browser app).</summary>
    public required string Type { get; init; }

    /// <summary>
    /// A literal secret, accepted only in Development; elsewhere the secret comes from the
    /// configuration key Clients:{ClientId}:Secret.
    /// </summary>
    public string? Secret { get; init; }

    /// <summary>"implicit" for first-party apps (no consent page) or "explicit".</summary>
    public string Consent { get; init; } = "implicit";

    public List<string> GrantTypes { get; init; } = [];
    public List<string> Scopes { get; init; } = [];
    public List<string> RedirectUris { get; init; } = [];
    public List<string> PostLogoutRedirectUris { get; init; } = [];

    /// <summary>Where the IdP POSTs a logout token when a session that used this client ends.</summary>
    public string? BackchannelLogoutUri { get; init; }

    /// <summary>Where the staff console asks the app for a company's orders count (<see cref="CompanyOrdersQuery"/>).</summary>
    public string? CompanyOrdersUri { get; init; }
}

public sealed record ScopeSeed
{
    public required string Name { get; init; }
    public required Dictionary<string, string> DisplayNames { get; init; }

    /// <summary>APIs (audiences) that accept access tokens carrying this scope.</summary>
    public List<string> Resources { get; init; } = [];
}

public sealed record RoleSeed
{
    public required string Name { get; init; }
    public required Dictionary<string, string> DisplayNames { get; init; }
}

public sealed record DevelopmentUserSeed
{
    public required string Email { get; init; }
    public required string Password { get; init; }
    public required string FamilyName { get; init; }
    public required string GivenName { get; init; }
    public string? FamilyNameKana { get; init; }
    public string? GivenNameKana { get; init; }
    public string CompanyName { get; init; } = "";

    /// <summary>The company of devices.json the account is a member of, by its code.</summary>
    public string? CompanyCode { get; init; }
    public string Department { get; init; } = "";
    public string? Phone { get; init; }
    public AddressSeed? Address { get; init; }
    public string Locale { get; init; } = "ja";
    public List<string> Roles { get; init; } = [];

    /// <summary>
    /// A base32 authenticator-app key: the account then has two-step verification on, and the
    /// current code is <c>oathtool --totp -b KEY</c> (demo staff and admins must have one).
    /// </summary>
    public string? AuthenticatorKey { get; init; }

    /// <summary>Serials of the device registry listed on the account.</summary>
    public List<string> Machines { get; init; } = [];

    /// <summary>Address book entries (宛先管理), matched by their label.</summary>
    public List<Account.Addresses.AddressInput> AddressBook { get; init; } = [];
}

public sealed record AddressSeed
{
    public required string PostalCode { get; init; }
    public required string Prefecture { get; init; }
    public required string City { get; init; }
    public required string Street { get; init; }
    public string? Building { get; init; }
}

/// <summary>One machine of seed/devices.json, the device registry.</summary>
public sealed record DeviceSeed
{
    public required string Serial { get; init; }
    public required string Model { get; init; }
    public string? CompanyCode { get; init; }
    public string? CompanyName { get; init; }
}
