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

    /// <summary>
    /// Sends the sign-up as a person does: the form, then 「この内容で登録する」 on its confirmation. Returns the
    /// last answer: the redirect of a registration, or the form again with its messages when it was not valid.
    /// </summary>
    public async Task<HttpResponseMessage> SubmitAsync(IReadOnlyDictionary<string, string> values)
    {
        var review = await ReviewAsync(values);
        if (review.StatusCode != System.Net.HttpStatusCode.OK)
        {
            return review;
        }
        var page = await browser.ParseAsync(review);
        return page.QuerySelector(RegistrationReview.FormSelector) is null ? review : await new RegistrationReview(browser, page).SendAsync();
    }

    /// <summary>Posts the form only: the confirmation when it is valid, else the form again. Nothing is registered yet.</summary>
    public Task<HttpResponseMessage> ReviewAsync(IReadOnlyDictionary<string, string> values) =>
        browser.SubmitAsync(Document, FormSelector, values);

    /// <summary>The confirmation of <paramref name="values"/>, which must be valid.</summary>
    public async Task<RegistrationReview> ConfirmationAsync(IReadOnlyDictionary<string, string> values) =>
        await RegistrationReview.FromAsync(browser, await ReviewAsync(values));

    public const string FormSelector = "form.register-form";

    public static async Task<RegistrationPage> FromAsync(Browser browser, HttpResponseMessage response)
    {
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return new(browser, await browser.ParseAsync(response));
    }

    public string? ErrorFor(string field) => Document.QuerySelector($"#{field}-error")?.TextContent.Trim();

    public string? ValueOf(string field) => Document.QuerySelector($"#{field}")?.GetAttribute("value");
}

/// <summary>
/// Page object of the sign-up's confirmation (確認画面): what was entered, read-only, with 「修正する」 and
/// 「この内容で登録する」.
/// </summary>
public sealed class RegistrationReview(Browser browser, IDocument document)
{
    public const string FormSelector = "form.register-review";

    public IDocument Document { get; } = document;

    public static async Task<RegistrationReview> FromAsync(Browser browser, HttpResponseMessage response)
    {
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var document = await browser.ParseAsync(response);
        Assert.True(document.QuerySelector(FormSelector) is not null, "Expected the confirmation page: " + document.QuerySelector("[role=alert]")?.TextContent);
        return new(browser, document);
    }

    /// <summary>The value shown beside <paramref name="label"/> (the form's label of the field).</summary>
    public string? Shown(string label) =>
        Document.QuerySelectorAll("dl.review dt").FirstOrDefault(dt => dt.TextContent.Trim() == label)?.NextElementSibling?.TextContent.Trim();

    /// <summary>「この内容で登録する」.</summary>
    public Task<HttpResponseMessage> SendAsync() => browser.SubmitAsync(Document, FormSelector);

    /// <summary>「修正する」: back to the form.</summary>
    public Task<HttpResponseMessage> EditAsync() => browser.SubmitAsync(Document, FormSelector, submitButtonSelector: "button.secondary");
}
