namespace CustomerPortal.Identity.Connect.Sessions;

/// <summary>
/// One browser session at the IdP (the `sid` of OpenID Connect Back-Channel Logout), the clients
/// it signed in to, so that ending it can tell each of them, and the grants made in it, so that
/// ending it also takes back the tokens those clients hold.
/// </summary>
public class UserSession
{
    public string Id { get; set; } = "";
    public string UserId { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    public List<SessionClient> Clients { get; set; } = [];
    public List<SessionGrant> Grants { get; set; } = [];
}

public class SessionClient
{
    public string SessionId { get; set; } = "";
    public string ClientId { get; set; } = "";
}

/// <summary>An OpenIddict authorization whose codes and tokens were issued in this session.</summary>
public class SessionGrant
{
    public string SessionId { get; set; } = "";
    public string AuthorizationId { get; set; } = "";
}
