namespace CustomerPortal.Portal.Client;

/// <summary>The portal's roles, as they appear in the `role` claim.</summary>
public static class PortalRoles
{
    public const string EquipmentPurchaser = "equipment-purchaser";
    public const string SuppliesBuyer = "supplies-buyer";
    public const string EquipmentOperator = "equipment-operator";
    public const string Staff = "staff";
    public const string Admin = "admin";
}

/// <summary>Scopes the IdP offers beyond the standard OpenID Connect ones.</summary>
public static class PortalScopes
{
    /// <summary>Company name and machines.</summary>
    public const string Portal = "portal";

    /// <summary>The address book API (/api/account/addresses).</summary>
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
    public const string SessionId = "sid";
    public const string CompanyName = "company_name";
    public const string MachineSerial = "machine_serial";

    /// <summary>The model of each machine on the account (device registry), one claim per model.</summary>
    public const string MachineModel = "machine_model";
}
