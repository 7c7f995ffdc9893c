namespace CustomerPortal.ServiceDefaults.SignOut;

public static class BackChannelLogoutEndpoint
{
    public const string DefaultPath = "/signout-backchannel";

    /// <summary>
    /// The backchannel_logout_uri the IdP POSTs logout tokens to. A valid token ends the app
    /// session it names; anything else gets 400 and changes nothing (section 2.8).
    /// </summary>
    public static IEndpointRouteBuilder MapPortalBackChannelLogout(this IEndpointRouteBuilder endpoints, string path = DefaultPath)
    {
        endpoints.MapPost(path, async Task<IResult> (HttpContext context, LogoutTokenValidator validator, EndedSessions ended, ILoggerFactory logs) =>
        {
            context.Response.Headers.CacheControl = "no-store";
            var logger = logs.CreateLogger(typeof(BackChannelLogoutEndpoint));
            if (!context.Request.HasFormContentType)
            {
                return Refuse("the logout token must be posted as a form");
            }
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            if (form["logout_token"] is not [{ Length: > 0 } token] || form["logout_token"].Count != 1)
            {
                return Refuse("logout_token is missing");
            }
            var (notice, error) = await validator.ValidateAsync(token, context.RequestAborted);
            if (notice is null)
            {
                logger.LogWarning("Logout token refused: {Reason}", error);
                return Refuse(error!);
            }
            if (!await ended.RecordAsync(notice.TokenId, notice.SessionId, notice.Subject, context.RequestAborted))
            {
                logger.LogWarning("Logout token {TokenId} replayed", notice.TokenId);
                return Refuse("this logout token was already used");
            }
            logger.LogInformation("The IdP ended session {SessionId}", notice.SessionId);
            return Results.Ok();
        }).AllowAnonymous().DisableAntiforgery();
        return endpoints;
    }

    private static IResult Refuse(string description) =>
        Results.Json(new Dictionary<string, string> { ["error"] = "invalid_request", ["error_description"] = description },
            statusCode: StatusCodes.Status400BadRequest);
}
