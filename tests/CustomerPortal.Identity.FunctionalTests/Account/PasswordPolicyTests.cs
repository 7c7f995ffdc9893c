using System.Globalization;
using CustomerPortal.Identity.Data;
using CustomerPortal.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerPortal.Identity.FunctionalTests.Account;

/// <summary>The guide's password rules through Identity's UserManager, as every password change goes.</summary>
public sealed class PasswordPolicyTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("Kumo-Sora7")]
    [InlineData("Zz9!@#$%^&*+,-.;<=>?")]
    [InlineData("Zz9()")]
    public async Task Password_FollowingTheRules_IsAccepted(string password)
    {
        var errors = await ErrorsAsync(password.Length < 8 ? password + "abcX" : password, "ja");

        Assert.Empty(errors);
    }

    [Theory]
    [InlineData("Abcdef1", "password.rule.length")]
    [InlineData("Abcdefghij1234567890X", "password.rule.length")]
    [InlineData("abcdefg1", "password.rule.uppercase")]
    [InlineData("ABCDEFG1", "password.rule.lowercase")]
    [InlineData("Abcdefgh", "password.rule.digit")]
    [InlineData("Abcdefg1~", "password.rule.characters")]
    [InlineData("Ａbcdefg1", "password.rule.characters")]
    [InlineData("Welcome2026", "password.rule.common")]
    [InlineData("qWERTY123", "password.rule.common")]
    public async Task Password_BreakingARule_GetsThatRulesMessage(string password, string code)
    {
        var errors = await ErrorsAsync(password, "ja");

        Assert.Contains(code, errors.Select(e => e.Code));
    }

    [Fact]
    public async Task Password_WithSeveralProblems_GetsOneMessagePerRule_NamingTheCharacter()
    {
        var japanese = await ErrorsAsync("abc_", "ja");
        var english = await ErrorsAsync("abc_", "en");

        Assert.Equal(["password.rule.length", "password.rule.characters", "password.rule.uppercase", "password.rule.digit"], japanese.Select(e => e.Code));
        Assert.Contains("使用できない文字「_」", japanese[1].Description);
        Assert.Equal("The password must be 8 to 20 characters long.", english[0].Description);
        Assert.Contains("\"_\"", english[1].Description);
    }

    [Fact]
    public async Task Policy_IsOptions_AnOperatorCanAllowLongerPasswords()
    {
        using var relaxed = new PortalFactory();
        relaxed.Settings["PasswordPolicy:MaxLength"] = "30";

        var errors = await ErrorsAsync(relaxed, "Abcdefghijklmnopqrstuvwxy12", "ja");

        Assert.Empty(errors);
    }

    private Task<List<IdentityError>> ErrorsAsync(string password, string language) => ErrorsAsync(portal, password, language);

    private static async Task<List<IdentityError>> ErrorsAsync(PortalFactory factory, string password, string language)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(language);
        try
        {
            using var scope = factory.Services.CreateScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var errors = new List<IdentityError>();
            foreach (var validator in users.PasswordValidators)
            {
                errors.AddRange((await validator.ValidateAsync(users, new PortalUser(), password)).Errors);
            }
            return errors;
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
