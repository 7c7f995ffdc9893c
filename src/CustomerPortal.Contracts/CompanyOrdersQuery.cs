namespace CustomerPortal.Contracts;

/// <summary>
/// The staff console's question to an app that keeps orders: how many orders and quotes does this
/// company have? The IdP GETs the app's registered <c>company_orders_uri</c> with
/// <c>Authorization: Bearer</c> a JWT it signs for the app (typ <see cref="TokenType"/>, audience
/// the app's client id, a minute of life) that names the company's codes in <see cref="CodesClaim"/>:
/// its own and those of companies merged into it. The app answers a <see cref="CompanyOrdersSummary"/>.
/// </summary>
public static class CompanyOrdersQuery
{
    public const string TokenType = "company-query+jwt";
    public const string CodesClaim = "company_ids";

    /// <summary>The client property (seed/clients: <c>companyOrdersUri</c>) where an app answers.</summary>
    public const string UriProperty = "company_orders_uri";
}

/// <param name="Orders">Orders placed (received, shipped or delivered).</param>
/// <param name="Quotes">Quotes not (yet) confirmed.</param>
/// <param name="Page">The app's staff page listing these orders.</param>
public sealed record CompanyOrdersSummary(int Orders, int Quotes, Uri? Page);
