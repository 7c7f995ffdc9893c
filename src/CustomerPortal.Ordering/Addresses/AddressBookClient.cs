using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Authentication;

namespace CustomerPortal.Ordering.Addresses;

/// <summary>The address book could not be read (the IdP is down or refused the token).</summary>
public sealed class AddressBookUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Reads the user's address book from the IdP with the access token of the user's session. The
/// session keeps that token fresh (it is refreshed before it expires), so one call is enough.
/// </summary>
public sealed class AddressBookClient(HttpClient http, IHttpContextAccessor accessor)
{
    // Relative to the IdP's address, the client's base address.
    private static readonly string Path = PortalPaths.AddressBook.TrimStart('/');

    public async Task<IReadOnlyList<AddressBookItem>> ListAsync(CancellationToken cancellationToken)
    {
        var context = accessor.HttpContext ?? throw new InvalidOperationException("The address book is read for a signed-in user.");
        var token = await context.GetTokenAsync("access_token")
            ?? throw new AddressBookUnavailableException("The session holds no access token.");
        using var request = new HttpRequestMessage(HttpMethod.Get, Path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new AddressBookUnavailableException($"The address API answered {(int)response.StatusCode}.");
            }
            return await response.Content.ReadFromJsonAsync<List<AddressBookItem>>(cancellationToken) ?? [];
        }
        catch (HttpRequestException error)
        {
            throw new AddressBookUnavailableException("The address API could not be reached.", error);
        }
    }
}
