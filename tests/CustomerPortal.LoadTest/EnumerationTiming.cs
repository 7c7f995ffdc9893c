using System.Net;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace CustomerPortal.LoadTest;

/// <summary>One form posted for an address that is registered, and for one that is not.</summary>
public sealed record EnumerationPair(string Name, Scenario Existing, Scenario Unknown);

public sealed record EnumerationResult(string Name, ScenarioResult Existing, ScenarioResult Unknown)
{
    /// <summary>How far apart the medians are, relative to the faster one.</summary>
    public double Difference => Math.Abs(Existing.P50.TotalMilliseconds - Unknown.P50.TotalMilliseconds)
        / Math.Max(0.001, Math.Min(Existing.P50.TotalMilliseconds, Unknown.P50.TotalMilliseconds));
}

/// <summary>
/// The answers that must not tell whether an address is registered: sign-in with a wrong
/// password, "forgot your password?" and registration, each for generated users' addresses and
/// for addresses nobody has. Only the post is timed; each client reads its form (and antiforgery
/// token, reusable for its cookie) once before.
/// </summary>
public static class EnumerationTiming
{
    public const double Tolerance = 0.20;

    public static IEnumerable<EnumerationPair> Pairs(IdentityProviderUnderTest idp)
    {
        string Known() => IdentityProviderUnderTest.Email(Random.Shared.Next(idp.UserCount));
        static string Unknown() => $"nobody-{Guid.NewGuid():n}@example.com";

        EnumerationPair Pair(string name, Func<string, Func<string>, Scenario> post) =>
            new(name, post($"{name}, registered address", Known), post($"{name}, unknown address", Unknown));

        yield return Pair("sign-in, wrong password", (name, email) => FormPost(name, idp, "/account/login", "section.sign-in form", () => new()
        {
            ["Input.Email"] = email(), ["Input.Password"] = "Wrong-Pass-2026",
        }));
        yield return Pair("forgot password", (name, email) => ForgotPassword(name, idp, email));
        yield return Pair("register", (name, email) => Register(name, idp, email));
    }

    /// <summary>"Forgot your password?" for the address <paramref name="email"/> gives.</summary>
    internal static Scenario ForgotPassword(string name, IdentityProviderUnderTest idp, Func<string> email, HttpStatusCode? expected = null) =>
        FormPost(name, idp, "/account/forgot-password", "section form[method=post]", () => new() { ["Email"] = email() }, expected);

    /// <summary>
    /// The sign-up, complete, for the address <paramref name="email"/> gives: the post of its confirmation's
    /// 「この内容で登録する」 (the page's default handler), the one that stores and mails.
    /// </summary>
    internal static Scenario Register(string name, IdentityProviderUnderTest idp, Func<string> email, HttpStatusCode? expected = null) =>
        FormPost(name, idp, "/account/register", "form[method=post]", () => Registration(email()), expected);

    /// <summary>
    /// A form read once per client and posted with <paramref name="values"/> each time. A post succeeds with
    /// <paramref name="expected"/> when given (an accepted registration redirects, one shown again with errors answers 200),
    /// else with 200 or 302.
    /// </summary>
    private static Scenario FormPost(string name, IdentityProviderUnderTest idp, string path, string formSelector,
        Func<Dictionary<string, string>> values, HttpStatusCode? expected = null)
    {
        var url = new Uri(idp.BaseAddress, path);
        return new Scenario(name,
            async client =>
            {
                var html = await (await client.GetAsync(url)).Content.ReadAsStringAsync();
                var page = await BrowsingContext.New(Configuration.Default).OpenAsync(r => r.Content(html).Address(url));
                var form = page.QuerySelector<IHtmlFormElement>(formSelector) ?? throw new InvalidOperationException($"No form '{formSelector}' at {path}.");
                return form.QuerySelectorAll<IHtmlInputElement>("input[type=hidden][name]").ToDictionary(i => i.Name!, i => i.Value);
            },
            async (client, state) =>
            {
                var fields = new Dictionary<string, string>((Dictionary<string, string>)state!);
                foreach (var (key, value) in values())
                {
                    fields[key] = value;
                }
                var response = await client.PostAsync(url, new FormUrlEncodedContent(fields));
                var ok = expected is { } status ? response.StatusCode == status : response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect;
                return (ok, state);
            });
    }

    private static Dictionary<string, string> Registration(string email) => new()
    {
        ["Input.CompanyName"] = "負荷試験株式会社",
        ["Input.FamilyName"] = "負荷",
        ["Input.GivenName"] = "太郎",
        ["Input.FamilyNameKana"] = "フカ",
        ["Input.GivenNameKana"] = "タロウ",
        ["Input.Email"] = email,
        ["Input.Phone"] = "03-1234-5678",
        ["Input.PostalCode"] = "100-0001",
        ["Input.Prefecture"] = "13",
        ["Input.City"] = "千代田区",
        ["Input.Street"] = "千代田1-1",
        ["Input.Serial"] = "1234567",
        ["Input.Roles"] = "supplies-buyer",
        ["Input.Language"] = "ja",
        ["Input.AcceptTerms"] = "true",
    };
}
