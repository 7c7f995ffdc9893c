using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerPortal.Testing;

namespace CustomerPortal.Identity.FunctionalTests.Account;

/// <summary>宛先管理 through the pages, and the same address book through the API with an access token.</summary>
public sealed class AddressBookTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Password = "Address-2026";

    [Fact]
    public async Task Pages_CreateEditAndDeleteAnAddress()
    {
        var (browser, _) = await NewCustomerAsync();
        using (browser)
        {
            var form = await browser.GetPageAsync("/account/addresses/new");
            Assert.Equal("宛先の新規登録", form.QuerySelector("h1")!.TextContent); // the guide's name of the page
            Assert.NotNull(form.QuerySelector("datalist option[value='請求書送付先']"));
            var created = await browser.ParseAsync(await browser.FollowAsync(await browser.SubmitAsync(form, "section form[method=post]",
                Entry("本社 経理部", "請求書送付先", billing: true))));
            var row = created.QuerySelector("table.addresses tbody tr")!;
            Assert.Contains("本社 経理部", row.TextContent);
            Assert.Contains("請求書送付先", row.TextContent);
            Assert.Contains("東京都千代田区", row.TextContent);
            Assert.Contains("既定の請求先", row.TextContent);

            var edit = await browser.GetPageAsync(row.QuerySelector("a.edit-address")!.GetAttribute("href")!);
            Assert.Equal("本社 経理部", edit.QuerySelector("#Label")!.GetAttribute("value"));
            var edited = await browser.ParseAsync(await browser.FollowAsync(await browser.SubmitAsync(edit, "section form[method=post]",
                new Dictionary<string, string> { ["Input.Label"] = "本社" })));
            Assert.Contains("本社", edited.QuerySelector("table.addresses")!.TextContent);
            Assert.DoesNotContain("経理部", edited.QuerySelector("table.addresses td")!.TextContent);

            var confirm = await browser.GetPageAsync(edited.QuerySelector("a.delete-address")!.GetAttribute("href")!);
            Assert.Contains("よろしいですか", confirm.Body!.TextContent);
            var deleted = await browser.ParseAsync(await browser.FollowAsync(await browser.SubmitAsync(confirm, "section form[method=post]")));
            Assert.Null(deleted.QuerySelector("table.addresses"));
        }
    }

    [Fact]
    public async Task Pages_InvalidEntry_ShowsErrorsNextToFields()
    {
        var (browser, _) = await NewCustomerAsync();
        using (browser)
        {
            var form = await browser.GetPageAsync("/account/addresses/new");
            var values = Entry("", null);
            values["Input.PostalCode"] = "12";

            var result = await browser.ParseAsync(await browser.SubmitAsync(form, "section form[method=post]", values));

            Assert.Equal("この項目は必須です。", result.QuerySelector("#Label-error")!.TextContent.Trim());
            Assert.NotNull(result.QuerySelector("#PostalCode-error"));
            Assert.Equal("千代田区", result.QuerySelector("#City")!.GetAttribute("value"));
        }
    }

    [Fact]
    public async Task DefaultBillingAndDelivery_AreEachHeldByOneEntry()
    {
        var (browser, _) = await NewCustomerAsync();
        using (browser)
        {
            await CreateAsync(browser, Entry("旧請求先", "請求書送付先", billing: true, delivery: true));
            await CreateAsync(browser, Entry("新請求先", "請求書送付先", billing: true));

            var settings = await browser.GetPageAsync("/account/settings");
            var rows = settings.QuerySelectorAll("table.addresses tbody tr").ToList();
            Assert.Contains("既定の請求先", rows.Single(r => r.TextContent.Contains("新請求先")).TextContent);
            var old = rows.Single(r => r.TextContent.Contains("旧請求先")).TextContent;
            Assert.DoesNotContain("既定の請求先", old);
            Assert.Contains("既定の納品先", old);
        }
    }

    [Fact]
    public async Task Api_ListsCreatesUpdatesAndDeletes_WithAnAccessTokenForScopeAddresses()
    {
        var (browser, email) = await NewCustomerAsync();
        using (browser)
        {
            var token = await TokenAsync(email, "openid addresses");
            using var api = ApiClient(token);

            var created = await api.PostAsJsonAsync("/api/account/addresses", new
            {
                label = "大阪倉庫", purpose = "納品先", postalCode = "５３０－０００１", prefecture = "27", city = "大阪市北区",
                street = "梅田1-1", company = "試験株式会社", recipient = "受取 太郎", isDefaultDelivery = true,
            });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var entry = await created.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("530-0001", entry.GetProperty("postalCode").GetString());
            var id = entry.GetProperty("id").GetString();

            var list = await api.GetFromJsonAsync<JsonElement>("/api/account/addresses");
            Assert.Equal("大阪倉庫", list.EnumerateArray().Single().GetProperty("label").GetString());

            var updated = await api.PutAsJsonAsync($"/api/account/addresses/{id}", new
            {
                label = "大阪第二倉庫", purpose = "納品先", postalCode = "530-0001", prefecture = "27", city = "大阪市北区", street = "梅田2-2",
            });
            Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
            Assert.Equal("大阪第二倉庫", (await api.GetFromJsonAsync<JsonElement>($"/api/account/addresses/{id}")).GetProperty("label").GetString());

            // The same entry is on the settings page.
            Assert.Contains("大阪第二倉庫", (await browser.GetPageAsync("/account/settings")).QuerySelector("#addresses")!.TextContent);

            Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync($"/api/account/addresses/{id}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/account/addresses/{id}")).StatusCode);
        }
    }

    [Fact]
    public async Task Api_AnswersOnlyTheTokensUser_AnotherUsersEntryIsNotFound()
    {
        var (owner, ownerEmail) = await NewCustomerAsync();
        var (other, otherEmail) = await NewCustomerAsync();
        owner.Dispose();
        other.Dispose();
        using var ownerApi = ApiClient(await TokenAsync(ownerEmail, "openid addresses"));
        using var otherApi = ApiClient(await TokenAsync(otherEmail, "openid addresses"));
        var created = await ownerApi.PostAsJsonAsync("/api/account/addresses",
            new { label = "本社", postalCode = "100-0001", prefecture = "13", city = "千代田区", street = "1-1" });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        Assert.Equal(HttpStatusCode.NotFound, (await otherApi.GetAsync($"/api/account/addresses/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherApi.PutAsJsonAsync($"/api/account/addresses/{id}",
            new { label = "x", postalCode = "100-0001", prefecture = "13", city = "c", street = "s" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherApi.DeleteAsync($"/api/account/addresses/{id}")).StatusCode);
        Assert.Empty((await otherApi.GetFromJsonAsync<JsonElement>("/api/account/addresses")).EnumerateArray());
        Assert.Equal(HttpStatusCode.OK, (await ownerApi.GetAsync($"/api/account/addresses/{id}")).StatusCode);
    }

    [Fact]
    public async Task Api_InvalidInput_GetsProblemDetailsPerField()
    {
        var (browser, email) = await NewCustomerAsync();
        browser.Dispose();
        using var api = ApiClient(await TokenAsync(email, "openid addresses"));

        var response = await api.PostAsJsonAsync("/api/account/addresses", new { label = "", postalCode = "12", prefecture = "99", city = "c", street = "s" });
        var garbage = await api.PostAsync("/api/account/addresses", new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("label", out _));
        Assert.True(errors.TryGetProperty("postalCode", out _));
        Assert.True(errors.TryGetProperty("prefecture", out _));
        Assert.Equal(HttpStatusCode.BadRequest, garbage.StatusCode);
        Assert.Equal("application/problem+json", garbage.Content.Headers.ContentType!.MediaType);
        Assert.Equal("宛先の内容を送信してください。",
            (await garbage.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
    }

    [Fact]
    public async Task Api_WithoutTheScopeOrToken_IsRefused()
    {
        var (browser, email) = await NewCustomerAsync();
        browser.Dispose();
        using var withoutScope = ApiClient(await TokenAsync(email, "openid profile"));
        using var anonymous = portal.CreateClient();

        // A token without the scope is not issued for this API (no audience): refused like no token.
        Assert.Contains((await withoutScope.GetAsync("/api/account/addresses")).StatusCode, new[] { HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden });
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/account/addresses")).StatusCode);
    }

    private async Task<string> TokenAsync(string email, string scope)
    {
        using var browser = portal.CreateBrowser();
        var tokens = await OAuthClient.Web(browser).SignInAsync((email, Password), scope);
        return tokens.AccessToken!;
    }

    private HttpClient ApiClient(string accessToken)
    {
        var client = portal.CreateClient(
            new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost") });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }

    private static async Task CreateAsync(Browser browser, Dictionary<string, string> values)
    {
        var form = await browser.GetPageAsync("/account/addresses/new");
        var response = await browser.SubmitAsync(form, "section form[method=post]", values);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private static Dictionary<string, string> Entry(string label, string? purpose, bool billing = false, bool delivery = false) => new()
    {
        ["Input.Label"] = label,
        ["Input.Purpose"] = purpose ?? "",
        ["Input.PostalCode"] = "100-0001",
        ["Input.Prefecture"] = "13",
        ["Input.City"] = "千代田区",
        ["Input.Street"] = "千代田1-1",
        ["Input.Company"] = "試験株式会社",
        ["Input.Department"] = "経理部",
        ["Input.Recipient"] = "経理 担当",
        ["Input.IsDefaultBilling"] = billing ? "true" : "",
        ["Input.IsDefaultDelivery"] = delivery ? "true" : "",
    };

    private async Task<(Browser Browser, string Email)> NewCustomerAsync()
    {
        var email = $"address-{Guid.NewGuid():n}@example.com";
        await portal.CreateActiveUserAsync(email, Password, "supplies-buyer");
        return (await SettingsPage.SignedInAsync(portal, email, Password), email);
    }
}
