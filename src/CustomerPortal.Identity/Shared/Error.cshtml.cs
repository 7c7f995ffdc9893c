using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerPortal.Identity.Shared;

/// <summary>
/// Every error a browser can see: OpenIddict's refusals that must not be redirected (unknown client,
/// unregistered redirect_uri), status codes, and unhandled exceptions. No stack trace, ever.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public string MessageKey { get; private set; } = "error.generic";
    public string? ProtocolError { get; private set; }
    public string? ProtocolErrorDescription { get; private set; }

    public void OnGet(int? status) => Describe(status);

    public void OnPost(int? status) => Describe(status);

    private void Describe(int? status)
    {
        if (HttpContext.GetOpenIddictServerResponse() is { Error: { } error } response)
        {
            ProtocolError = error;
            ProtocolErrorDescription = response.ErrorDescription;
            MessageKey = "error.request";
            return;
        }
        MessageKey = status switch
        {
            StatusCodes.Status404NotFound => "error.notFound",
            StatusCodes.Status403Forbidden => "error.forbidden",
            StatusCodes.Status400BadRequest or StatusCodes.Status413PayloadTooLarge => "error.request",
            _ => "error.generic",
        };
        if (status is >= 400 and < 600 && Response.StatusCode == StatusCodes.Status200OK)
        {
            Response.StatusCode = status.Value;
        }
    }
}
