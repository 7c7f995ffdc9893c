using CustomerPortal.Ordering.Orders;
using CustomerPortal.ServiceDefaults.SignIn;

namespace CustomerPortal.Ordering.Staff;

/// <summary>
/// Answers the staff console's question "how many orders does this company have?"
/// (<see cref="CompanyOrdersQuery"/>). No session asks it, the IdP does: the caller proves itself with
/// a token the IdP signed for this app, which also names the company codes, so the answer says
/// nothing to anyone else.
/// </summary>
public static class CompanyOrdersApi
{
    public const string Path = "/api/company-orders";

    public static IEndpointRouteBuilder MapCompanyOrdersApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path, AnswerAsync).AllowAnonymous();
        return endpoints;
    }

    private static async Task<IResult> AnswerAsync(
        HttpRequest request, IdpTokenValidator tokens, OrderDesk desk, ILoggerFactory logs, CancellationToken cancellationToken)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return Results.Unauthorized();
        }
        var (token, error) = await tokens.ValidateAsync(header["Bearer ".Length..].Trim(), CompanyOrdersQuery.TokenType, cancellationToken);
        if (token is null)
        {
            logs.CreateLogger(typeof(CompanyOrdersApi)).LogWarning("A company orders query was refused: {Reason}", error);
            return Results.Unauthorized();
        }
        if (!token.TryGetPayloadValue<string[]>(CompanyOrdersQuery.CodesClaim, out var codes) || codes.Length == 0)
        {
            return Results.BadRequest();
        }
        var (orders, quotes) = await desk.CountForCompanyAsync(codes);
        var page = new Uri($"{request.Scheme}://{request.Host}{request.PathBase}{StaffOrdersModel.PathFor(codes)}");
        return Results.Json(new CompanyOrdersSummary(orders, quotes, page));
    }
}
