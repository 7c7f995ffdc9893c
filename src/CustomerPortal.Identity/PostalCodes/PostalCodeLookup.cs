using CustomerPortal.Identity.Account;

namespace CustomerPortal.Identity.PostalCodes;

/// <summary>
/// GET /api/postal-codes/{code}: the address of a postal code, for the forms' script that fills in
/// the prefecture, city and town (postal-code.js). Anyone may ask (the sign-up page has no user yet);
/// the answer is Japan Post's public data from the IdP's own table. The code may be written as
/// typed: full-width digits, with or without a hyphen.
/// </summary>
public static class PostalCodeLookup
{
    public const string Path = "/api/postal-codes";

    public static IServiceCollection AddPortalPostalCodes(this IServiceCollection services) =>
        services.AddSingleton(provider => new PostalCodeDirectory(System.IO.Path.Combine(
            Seeding.SeedFolder.From(provider.GetRequiredService<IConfiguration>(), provider.GetRequiredService<IHostEnvironment>()).Path,
            PostalCodeDirectory.FileName)));

    public static IEndpointRouteBuilder MapPostalCodeLookup(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path + "/{code}", (string code, PostalCodeDirectory directory, HttpContext context) =>
        {
            var postalCode = FieldRules.NormalizePostalCode(code);
            if (!FieldRules.IsPostalCode(postalCode))
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "A postal code has 7 digits.");
            }
            // The table changes only with a release: browsers may keep answers for a day.
            context.Response.Headers.CacheControl = "public, max-age=86400";
            return directory.Find(postalCode) is { } address
                ? Results.Ok(address)
                : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Japan Post has no address for this postal code.");
        }).AllowAnonymous();
        return endpoints;
    }
}
