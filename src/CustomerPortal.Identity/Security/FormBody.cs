using System.Text;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Net.Http.Headers;

namespace CustomerPortal.Identity.Security;

/// <summary>
/// Reads a posted form before OpenIddict or a page does. OpenIddict reads the bodies of the
/// protocol endpoints before any of our code runs, so a body the form reader refuses (multipart
/// cut short, a boundary other than the one announced, a Content-Type with broken parameters)
/// would otherwise surface as a 500. A readable form stays cached for everyone after us.
/// </summary>
internal static class FormBody
{
    /// <summary>The status that refuses the request's body, or null when the body may go on.</summary>
    public static async Task<int?> RefusalAsync(HttpRequest request)
    {
        if (!HttpMethods.IsPost(request.Method) && !HttpMethods.IsPut(request.Method) && !HttpMethods.IsPatch(request.Method))
        {
            return null;
        }
        if (request.HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is not null)
        {
            // The error page that renders a refusal runs with the refused request: judged once is enough.
            return null;
        }
        if (request.ContentType is { } contentType && !MediaTypeHeaderValue.TryParse(contentType, out _))
        {
            // Nobody after us can tell what the body is; the readers that try throw instead.
            return StatusCodes.Status400BadRequest;
        }
        if (!request.HasFormContentType)
        {
            return null;
        }
        try
        {
            await request.ReadFormAsync(request.HttpContext.RequestAborted);
            return null;
        }
        catch (Exception error) when (IsCausedByTheBody(error))
        {
            return error is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status400BadRequest;
        }
    }

    // Only what the form reader throws about the bytes it was sent; the read above touches
    // nothing but the client's body, so none of these can be our own bug.
    private static bool IsCausedByTheBody(Exception error) => error is
        BadHttpRequestException        // Kestrel: body over the limit, request content ended early
        or InvalidDataException        // form reader limits, multipart without or with a broken boundary
        or IOException                 // "Unexpected end of stream": multipart cut short or never closed
        or InvalidOperationException   // a Content-Type the form reader cannot use
        or DecoderFallbackException
        or FormatException;
}
