using System.Security.Claims;
using CustomerPortal.Identity.Theming;
using OpenIddict.Abstractions;
using OpenIddict.Validation.AspNetCore;

namespace CustomerPortal.Identity.Account.Addresses;

/// <summary>
/// /api/account/addresses for relying apps (the ordering app prints these on quotes and invoices):
/// an access token with scope "addresses" reads and writes its own user's address book only.
/// </summary>
public static class AddressApi
{
    public const string Scope = PortalScopes.Addresses;
    public const string Audience = "customer-portal-account-api";
    public const string Policy = "addresses-api";

    public static IEndpointRouteBuilder MapAddressApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup(PortalPaths.AddressBook)
            .RequireAuthorization(Policy)
            .AddEndpointFilter(RefuseAccountsThatCannotSignInAsync)
            .DisableAntiforgery();
        api.MapGet("/", async (ClaimsPrincipal user, AddressBook book) =>
            Results.Ok((await book.ListAsync(SubjectOf(user))).Select(entry => entry.ToItem())));
        api.MapGet("/{id:guid}", async (Guid id, ClaimsPrincipal user, AddressBook book) =>
            await book.FindAsync(SubjectOf(user), id) is { } entry ? Results.Ok(entry.ToItem()) : NotFound());
        api.MapPost("/", async (HttpRequest request, ClaimsPrincipal user, AddressBook book, MessageBundle messages) =>
        {
            var (input, problem) = await ReadAsync(request, messages);
            if (problem is not null)
            {
                return problem;
            }
            var entry = await book.CreateAsync(SubjectOf(user), input!);
            return entry is null
                ? Results.Problem(statusCode: StatusCodes.Status409Conflict, title: messages["address.error.full"])
                : Results.Created($"{PortalPaths.AddressBook}/{entry.Id}", entry.ToItem());
        });
        api.MapPut("/{id:guid}", async (Guid id, HttpRequest request, ClaimsPrincipal user, AddressBook book, MessageBundle messages) =>
        {
            var (input, problem) = await ReadAsync(request, messages);
            if (problem is not null)
            {
                return problem;
            }
            return await book.UpdateAsync(SubjectOf(user), id, input!) is { } entry ? Results.Ok(entry.ToItem()) : NotFound();
        });
        api.MapDelete("/{id:guid}", async (Guid id, ClaimsPrincipal user, AddressBook book) =>
            await book.DeleteAsync(SubjectOf(user), id) ? Results.NoContent() : NotFound());
        return endpoints;
    }

    /// <summary>
    /// The account is re-checked on every call, as userinfo does: a locked, deactivated or
    /// deleted account's token reads and writes nothing, even within its lifetime.
    /// </summary>
    private static async ValueTask<object?> RefuseAccountsThatCannotSignInAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var eligibility = context.HttpContext.RequestServices.GetRequiredService<Connect.SignInEligibility>();
        if (await eligibility.FromAccessTokenAsync(context.HttpContext.User) is null)
        {
            context.HttpContext.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "The access token is no longer valid.");
        }
        return await next(context);
    }

    public static void AddAddressApiPolicy(this Microsoft.AspNetCore.Authorization.AuthorizationBuilder authorization) =>
        authorization.AddPolicy(Policy, policy => policy
            .AddAuthenticationSchemes(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme)
            .RequireAuthenticatedUser()
            .RequireAssertion(context => context.User.HasScope(Scope) && IsUser(context.User)));

    /// <summary>
    /// A token issued to a person, not to a client on its own behalf: a client-credentials token
    /// names the client as its subject, and has no address book to read or write.
    /// </summary>
    private static bool IsUser(ClaimsPrincipal token) =>
        token.FindFirst(OpenIddictConstants.Claims.Subject)?.Value is { Length: > 0 } subject
        && subject != token.FindFirst(OpenIddictConstants.Claims.ClientId)?.Value;

    private static string SubjectOf(ClaimsPrincipal user) => user.FindFirst(OpenIddictConstants.Claims.Subject)!.Value;

    private static IResult NotFound() => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found");

    /// <summary>
    /// The body as an address, or a problem: read here rather than bound by the framework, so
    /// that a body that is no JSON at all gets problem details too, not a bare 400 or an HTML page.
    /// </summary>
    private static async Task<(AddressInput? Input, IResult? Problem)> ReadAsync(HttpRequest request, MessageBundle messages)
    {
        AddressInput? input;
        try
        {
            input = request.HasJsonContentType() ? await request.ReadFromJsonAsync<AddressInput>(request.HttpContext.RequestAborted) : null;
        }
        catch (System.Text.Json.JsonException)
        {
            input = null;
        }
        if (input is null)
        {
            return (null, Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: messages["address.error.body"]));
        }
        input.Normalize();
        var errors = input.Validate();
        return errors.IsEmpty
            ? (input, null)
            : (null, Results.ValidationProblem(
                errors.ByField.ToDictionary(e => char.ToLowerInvariant(e.Key[0]) + e.Key[1..], e => new[] { messages[e.Value] }),
                title: messages["register.error.summary"]));
    }
}

/// <summary>What the API exchanges for an entry.</summary>
public static class AddressBookItems
{
    public static AddressBookItem ToItem(this AddressBookEntry e) => new(e.Id, e.Label, e.Purpose, e.PostalCode, e.Prefecture, e.City,
        e.Street, e.Building, e.Company, e.Department, e.Recipient, e.Phone, e.IsDefaultBilling, e.IsDefaultDelivery);
}
