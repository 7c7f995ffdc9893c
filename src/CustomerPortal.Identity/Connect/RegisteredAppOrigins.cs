using OpenIddict.Abstractions;

namespace CustomerPortal.Identity.Connect;

/// <summary>
/// Whether an address belongs to an app registered with the IdP: it has the origin (scheme, host,
/// port) of one of a client's redirect URIs. The IdP sends browsers to such addresses only, so a
/// link to one of its endpoints cannot be made to lead anywhere else (no open redirect).
/// </summary>
public sealed class RegisteredAppOrigins(IOpenIddictApplicationManager applications)
{
    /// <summary>The address as a URL to redirect to, or null when it is not on a registered app's origin.</summary>
    public async Task<Uri?> FindAsync(string? address, CancellationToken cancellationToken = default)
    {
        if (!Uri.TryCreate(address, UriKind.Absolute, out var url)
            || url.Scheme is not ("http" or "https")
            || url.UserInfo.Length > 0)
        {
            return null;
        }
        await foreach (var application in applications.ListAsync(count: null, offset: null, cancellationToken))
        {
            foreach (var redirect in await applications.GetRedirectUrisAsync(application, cancellationToken))
            {
                if (Uri.TryCreate(redirect, UriKind.Absolute, out var registered)
                    && Uri.Compare(registered, url, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0)
                {
                    return url;
                }
            }
        }
        return null;
    }
}
