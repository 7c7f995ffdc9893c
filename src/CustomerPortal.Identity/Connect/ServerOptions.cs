namespace CustomerPortal.Identity.Connect;

/// <summary>Configuration section "Server": how the token server presents itself and how long tokens live.</summary>
public sealed class ServerOptions
{
    public const string Section = "Server";

    /// <summary>Absolute issuer URL; by default the address each request arrived at.</summary>
    public Uri? Issuer { get; set; }

    /// <summary>
    /// Plain HTTP is refused unless this is false, which only Development accepts (so the quick
    /// start needs no certificate on a fresh machine).
    /// </summary>
    public bool RequireHttps { get; set; } = true;

    public TimeSpan AuthorizationCodeLifetime { get; set; } = TimeSpan.FromMinutes(2);
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);
    public TimeSpan IdentityTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Absolute: rotation does not extend it, after this a full sign-in is needed.</summary>
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromHours(12);
}
