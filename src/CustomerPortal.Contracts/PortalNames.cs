namespace CustomerPortal.Contracts;

/// <summary>The portal's roles, as they appear in the `role` claim and in seed/roles.json.</summary>
public static class PortalRoles
{
    public const string EquipmentPurchaser = "equipment-purchaser";
    public const string SuppliesBuyer = "supplies-buyer";
    public const string EquipmentOperator = "equipment-operator";
    public const string Staff = "staff";
    public const string Admin = "admin";

    /// <summary>The roles a customer asks for at registration and staff grant.</summary>
    public static readonly IReadOnlyList<string> Customer = [EquipmentPurchaser, SuppliesBuyer, EquipmentOperator];

    /// <summary>The roles of the vendor's own people; only admins grant them.</summary>
    public static readonly IReadOnlyList<string> Vendor = [Staff, Admin];

    public static readonly IReadOnlyList<string> All = [.. Customer, .. Vendor];
}

/// <summary>Scopes the IdP offers beyond the standard OpenID Connect ones (seed/scopes.json).</summary>
public static class PortalScopes
{
    /// <summary>Company name and machines.</summary>
    public const string Portal = "portal";

    /// <summary>The address book API (<see cref="PortalPaths.AddressBook"/>).</summary>
    public const string Addresses = "addresses";
}

/// <summary>Claim types the IdP issues and the apps read.</summary>
public static class PortalClaimTypes
{
    public const string Subject = "sub";
    public const string Name = "name";
    public const string Email = "email";
    public const string Locale = "locale";
    public const string Role = "role";

    /// <summary>The IdP session an ID token and a logout token belong to (Back-Channel Logout 1.0).</summary>
    public const string SessionId = "sid";

    /// <summary>Katakana readings as language-tagged claims (OpenID Connect Core 5.2).</summary>
    public const string FamilyNameKana = "family_name#ja-Kana-JP";
    public const string GivenNameKana = "given_name#ja-Kana-JP";

    /// <summary>
    /// Scope "portal": the customer's company (its code, 法人コード, and name, from the company
    /// record), the serials of the company's machines and their models.
    /// </summary>
    public const string CompanyId = "company_id";
    public const string CompanyName = "company_name";

    /// <summary>
    /// The codes of companies staff merged into this one: what an app keeps under those codes (the
    /// ordering app's orders) now belongs to this company. One claim per code; absent when none.
    /// </summary>
    public const string CompanyFormerIds = "company_former_ids";

    public const string MachineSerial = "machine_serial";

    /// <summary>The model of each machine on the account (device registry), one claim per model.</summary>
    public const string MachineModel = "machine_model";
}

/// <summary>What one part of the portal calls on another, relative to the IdP's address.</summary>
public static class PortalPaths
{
    /// <summary>GET: <see cref="MaintenanceStatus"/>, anonymous; the apps follow the IdP's maintenance switch.</summary>
    public const string MaintenanceStatus = "/maintenance/status";

    /// <summary>The user's address book (<see cref="AddressBookItem"/>), with an access token of scope <see cref="PortalScopes.Addresses"/>.</summary>
    public const string AddressBook = "/api/account/addresses";
}
