namespace CustomerPortal.Identity.Connect.Sessions;

/// <summary>
/// One browser session at the IdP (the `sid` of OpenID Connect Back-Channel Logout), and the
/// clients it signed in to, so that ending it can tell each of them.
/// </summary>
public class UserSession
{
    public string Id { get; set; } = "";
    public string UserId { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    public List<SessionClient> Clients { get; set; } = [];
}

public class SessionClient
{
    public string SessionId { get; set; } = "";
    public string ClientId { get; set; } = "";
}
