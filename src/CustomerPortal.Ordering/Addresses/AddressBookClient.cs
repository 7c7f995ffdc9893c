using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Authentication;

namespace CustomerPortal.Ordering.Addresses;

/// <summary>An entry of the user's address book at the IdP (宛先管理), as /api/account/addresses returns it.</summary>
public sealed record AddressBookEntry(
    Guid Id, string Label, string? Purpose, string PostalCode, string Prefecture, string City, string Street, string? Building,
    string? Company, string? Department, string? Recipient, string? Phone, bool IsDefaultBilling, bool IsDefaultDelivery);

/// <summary>The address book could not be read (the IdP is down or refused the token).</summary>
public sealed class AddressBookUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Reads the user's address book from the IdP with the access token of the user's session. The
/// session keeps that token fresh (it is refreshed before it expires), so one call is enough.
/// </summary>
public sealed class AddressBookClient(HttpClient http, IHttpContextAccessor accessor)
{
    public const string Path = "api/account/addresses";

    public async Task<IReadOnlyList<AddressBookEntry>> ListAsync(CancellationToken cancellationToken)
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
            return await response.Content.ReadFromJsonAsync<List<AddressBookEntry>>(cancellationToken) ?? [];
        }
        catch (HttpRequestException error)
        {
            throw new AddressBookUnavailableException("The address API could not be reached.", error);
        }
    }
}
