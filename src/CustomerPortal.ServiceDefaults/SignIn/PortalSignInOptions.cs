using System.ComponentModel.DataAnnotations;

namespace CustomerPortal.ServiceDefaults.SignIn;

/// <summary>Configuration section "SignIn": where the IdP is and who this app is to it.</summary>
public sealed class PortalSignInOptions
{
    public const string Section = "SignIn";

    /// <summary>The IdP's issuer, e.g. https://id.example.co.jp/.</summary>
    [Required]
    public string Authority { get; set; } = "";

    /// <summary>This app's client id, as registered in seed/clients.</summary>
    [Required]
    public string ClientId { get; set; } = "";

    /// <summary>The client secret; from configuration or a secret store, never from the repository outside Development.</summary>
    [Required]
    public string ClientSecret { get; set; } = "";

    /// <summary>
    /// False only for a local run over plain HTTP on loopback; then the IdP's metadata may be
    /// fetched over HTTP and the cookies are Secure only when the request is.
    /// </summary>
    public bool RequireHttps { get; set; } = true;

    /// <summary>Access tokens are refreshed this long before they expire, so an API call never carries a dead one.</summary>
    public TimeSpan RefreshBeforeExpiry { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often the IdP's maintenance switch is asked (the apps close with it).</summary>
    public TimeSpan MaintenanceCheckInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Idle time after which the app's own session ends (the IdP session may still be alive: SSO brings the user back).</summary>
    public TimeSpan SessionIdleTimeout { get; set; } = TimeSpan.FromHours(1);
}
