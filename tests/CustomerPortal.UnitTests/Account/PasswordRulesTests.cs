using CustomerPortal.Identity.Account.Passwords;

namespace CustomerPortal.UnitTests.Account;

/// <summary>The guide's password rule (8–20 characters; letters, digits and its symbols; upper, lower and digit) and the common-password list.</summary>
public sealed class PasswordRulesTests
{
    private static readonly PasswordPolicyOptions Guide = new();

    private static string[] Broken(string password, PasswordPolicyOptions? policy = null) =>
        [.. PasswordRules.Broken(policy ?? Guide, password).Select(rule => rule.Key)];

    [Theory]
    [InlineData("Portal-2026")]
    [InlineData("Ab3!@#$%^&*+,-.;<=>?")] // every symbol the guide allows, 20 characters
    public void APasswordThatFollowsTheGuide_BreaksNothing(string password)
    {
        Assert.Empty(Broken(password));
    }

    [Theory]
    [InlineData("Abc-123", "password.rule.length")]                   // 7
    [InlineData("Abcdefgh-123456789012", "password.rule.length")]     // 21
    [InlineData("Portal_2026", "password.rule.characters")]           // '_' is not among the symbols
    [InlineData("Pörtal-2026", "password.rule.characters")]
    [InlineData("portal-2026", "password.rule.uppercase")]
    [InlineData("PORTAL-2026", "password.rule.lowercase")]
    [InlineData("Portal-abcd", "password.rule.digit")]
    public void EachBrokenRule_IsNamed(string password, string rule)
    {
        Assert.Equal([rule], Broken(password));
    }

    [Fact]
    public void ARefusedCharacter_IsNamedToTheUser()
    {
        var (_, arguments) = Assert.Single(PasswordRules.Broken(Guide, "Portal 2026"));
        Assert.Equal(" ", arguments[0]);
    }

    [Fact]
    public void ACommonPassword_IsRefusedWhateverItsCase_UnlessTheOperatorAllowsIt()
    {
        Assert.Equal(["password.rule.common"], Broken("Password123"));
        Assert.Empty(Broken("Password123", new PasswordPolicyOptions { RejectCommonPasswords = false }));
    }

    [Fact]
    public void AnOperatorMayTightenTheLength()
    {
        Assert.Equal(["password.rule.length"], Broken("Portal-2026", new PasswordPolicyOptions { MinLength = 12, MaxLength = 64 }));
    }
}
