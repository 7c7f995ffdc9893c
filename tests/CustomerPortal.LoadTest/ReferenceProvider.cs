using System.Diagnostics;
using System.Text.Json;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using CustomerPortal.Testing;
using Microsoft.AspNetCore.WebUtilities;

namespace CustomerPortal.LoadTest;

/// <summary>
/// Node's oidc-provider (OpenID-certified), in memory, with the same clients and grants: the
/// same run against it gives a ratio that holds on a noisy machine.
/// </summary>
public sealed class ReferenceProvider : IAsyncDisposable
{
    private readonly Process _process;

    private ReferenceProvider(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public static async Task<ReferenceProvider> StartAsync(string repositoryRoot)
    {
        var folder = Path.Combine(repositoryRoot, "tests", "CustomerPortal.LoadTest", "reference");
        if (!Directory.Exists(Path.Combine(folder, "node_modules", "oidc-provider")))
        {
            using var install = Process.Start(new ProcessStartInfo("npm", "ci --silent --no-audit --no-fund") { WorkingDirectory = folder })!;
            await install.WaitForExitAsync();
        }
        var port = LoopbackPorts.Next();
        var start = new ProcessStartInfo("node") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("server.mjs");
        start.ArgumentList.Add(port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var process = Process.Start(start)!;
        var listening = new TaskCompletionSource();
        process.OutputDataReceived += (_, e) => { if (e.Data?.Contains("Now listening", StringComparison.Ordinal) == true) { listening.TrySetResult(); } };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await listening.Task.WaitAsync(TimeSpan.FromSeconds(60));
        return new ReferenceProvider(process, new Uri($"http://127.0.0.1:{port}"));
    }

    /// <summary>Code + PKCE through oidc-provider's development login and consent forms.</summary>
    public async Task<JsonElement> SignInAsync(HttpClient browser, string account, Pkce pkce)
    {
        var authorize = new Uri(BaseAddress, QueryHelpers.AddQueryString("/auth", new Dictionary<string, string?>
        {
            ["client_id"] = IdentityProviderUnderTest.WebClientId, ["response_type"] = "code", ["redirect_uri"] = IdentityProviderUnderTest.RedirectUri,
            ["scope"] = "openid profile offline_access", ["prompt"] = "consent",
            ["code_challenge"] = pkce.Challenge, ["code_challenge_method"] = "S256", ["state"] = "s",
        }));
        var response = await browser.GetAsync(authorize);
        for (var hops = 0; hops < 10; hops++)
        {
            var location = response.Headers.Location;
            if (location is not null && location.ToString().StartsWith(IdentityProviderUnderTest.RedirectUri, StringComparison.Ordinal))
            {
                var code = QueryHelpers.ParseQuery(location.Query)["code"].ToString();
                var token = await LoadRunner.BackChannel.PostAsync(new Uri(BaseAddress, "/token"), new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = IdentityProviderUnderTest.RedirectUri,
                    ["code_verifier"] = pkce.Verifier,
                    ["client_id"] = IdentityProviderUnderTest.WebClientId, ["client_secret"] = IdentityProviderUnderTest.WebSecret,
                }));
                return JsonDocument.Parse(await token.Content.ReadAsStringAsync()).RootElement.Clone();
            }
            if (location is not null)
            {
                response = await browser.GetAsync(new Uri(BaseAddress, location));
                continue;
            }
            // A development interaction page: the login form, then the consent form.
            var html = await response.Content.ReadAsStringAsync();
            var page = await BrowsingContext.New(Configuration.Default).OpenAsync(r => r.Content(html).Address(response.RequestMessage!.RequestUri!));
            var form = page.QuerySelector<IHtmlFormElement>("form") ?? throw new InvalidOperationException("No interaction form.");
            var fields = form.QuerySelectorAll<IHtmlInputElement>("input[name]").ToDictionary(i => i.Name!, i => i.Value);
            if (fields.ContainsKey("login"))
            {
                fields["login"] = account;
                fields["password"] = "any";
            }
            response = await browser.PostAsync(new Uri(new Uri(page.Url), form.GetAttribute("action") ?? ""), new FormUrlEncodedContent(fields));
        }
        throw new InvalidOperationException("oidc-provider did not complete the sign-in.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }
}
