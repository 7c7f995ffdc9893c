using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerPortal.Identity.Connect;
using OpenIddict.Abstractions;

namespace CustomerPortal.Identity.Staff.Companies;

/// <summary>One app's answer for a company's page; <see cref="Summary"/> is null when the app could not be asked.</summary>
public sealed record AppOrderCount(string AppName, CompanyOrdersSummary? Summary);

/// <summary>
/// The orders count on a company's staff page. Orders live in the apps' own databases, so the IdP
/// asks each app that registered a <see cref="CompanyOrdersQuery.UriProperty"/>, with a token it
/// signs for that app (<see cref="CompanyOrdersQuery"/>). An app that is down or slow costs the page
/// a few seconds at most and shows as "not available", never as an error.
/// </summary>
public sealed class CompanyOrderCounts(
    IOpenIddictApplicationManager applications, IdpSignedTokens tokens, IHttpClientFactory clients, ILogger<CompanyOrderCounts> logger)
{
    public const string HttpClientName = nameof(CompanyOrderCounts);

    /// <param name="codes">The company's code and the codes merged into it.</param>
    public async Task<IReadOnlyList<AppOrderCount>> ForAsync(IReadOnlyList<string> codes, string staffUserId, CultureInfo culture)
    {
        var asked = new List<Task<AppOrderCount>>();
        await foreach (var application in applications.ListAsync(count: null, offset: null))
        {
            var properties = await applications.GetPropertiesAsync(application);
            if (properties.TryGetValue(CompanyOrdersQuery.UriProperty, out var value) && value.ValueKind == JsonValueKind.String
                && Uri.TryCreate(value.GetString(), UriKind.Absolute, out var endpoint)
                && await applications.GetClientIdAsync(application) is { } clientId)
            {
                var name = await applications.GetLocalizedDisplayNameAsync(application, culture) ?? clientId;
                asked.Add(AskAsync(clientId, name, endpoint, codes, staffUserId));
            }
        }
        return await Task.WhenAll(asked);
    }

    private async Task<AppOrderCount> AskAsync(string clientId, string name, Uri endpoint, IReadOnlyList<string> codes, string staffUserId)
    {
        var token = tokens.Create(clientId, CompanyOrdersQuery.TokenType, TimeSpan.FromMinutes(1), new Dictionary<string, object>
        {
            [OpenIddictConstants.Claims.Subject] = staffUserId,
            [CompanyOrdersQuery.CodesClaim] = codes.ToArray(),
        });
        using var request = new HttpRequestMessage(HttpMethod.Get, endpoint);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        try
        {
            using var response = await clients.CreateClient(HttpClientName).SendAsync(request);
            if (response.IsSuccessStatusCode && await response.Content.ReadFromJsonAsync<CompanyOrdersSummary>() is { } summary)
            {
                // The link is the app's to give, but only as a web address the page can show safely.
                var page = summary.Page is { IsAbsoluteUri: true, Scheme: "http" or "https" } ? summary.Page : null;
                return new AppOrderCount(name, summary with { Page = page });
            }
            logger.LogWarning("The company orders of {ClientId} answered {Status}", clientId, (int)response.StatusCode);
        }
        catch (Exception error) when (error is HttpRequestException or TaskCanceledException or JsonException)
        {
            logger.LogWarning("The company orders of {ClientId} could not be read: {Error}", clientId, error.Message);
        }
        return new AppOrderCount(name, null);
    }
}
