using AngleSharp.Dom;

namespace CustomerPortal.Testing;

/// <summary>Page object of /account/register (新規登録).</summary>
public sealed class RegistrationPage(Browser browser, IDocument document)
{
    public IDocument Document { get; } = document;

    public static async Task<RegistrationPage> OpenAsync(Browser browser, string language = "ja")
    {
        await browser.GetAsync($"/language/{language}?returnUrl=%2F");
        return new(browser, await browser.GetPageAsync("/account/register"));
    }

    /// <summary>A complete, valid registration in Japanese; tests override single fields.</summary>
    public static Dictionary<string, string> ValidInput(string email) => new()
    {
        ["Input.CompanyName"] = "株式会社サンプル商事",
        ["Input.Department"] = "総務部",
        ["Input.FamilyName"] = "田中",
        ["Input.GivenName"] = "一郎",
        ["Input.FamilyNameKana"] = "タナカ",
        ["Input.GivenNameKana"] = "イチロウ",
        ["Input.Email"] = email,
        ["Input.Phone"] = "03-1234-5678",
        ["Input.PostalCode"] = "100-0001",
        ["Input.Prefecture"] = "13",
        ["Input.City"] = "千代田区",
        ["Input.Street"] = "千代田1-1",
        ["Input.Building"] = "サンプルビル3F",
        ["Input.Serial"] = "1234567",
        ["Input.Roles"] = "supplies-buyer",
        ["Input.Language"] = "ja",
        ["Input.AcceptTerms"] = "true",
        ["Input.ProductNewsByEmail"] = "true",
    };

    public Task<HttpResponseMessage> SubmitAsync(IReadOnlyDictionary<string, string> values) =>
        browser.SubmitAsync(Document, "form[method=post]", values);

    public static async Task<RegistrationPage> FromAsync(Browser browser, HttpResponseMessage response)
    {
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return new(browser, await browser.ParseAsync(response));
    }

    public string? ErrorFor(string field) => Document.QuerySelector($"#{field}-error")?.TextContent.Trim();

    public string? ValueOf(string field) => Document.QuerySelector($"#{field}")?.GetAttribute("value");
}
