using CustomerPortal.Identity.Account;

namespace CustomerPortal.UnitTests.Account;

/// <summary>A name in Japanese script is family name first in every language; a name in Latin letters follows the language.</summary>
public sealed class PersonNamesTests
{
    [Theory]
    [InlineData("山田", "花子", "ja", "山田 花子")]
    [InlineData("山田", "花子", "en", "山田 花子")]
    [InlineData("やまだ", "はなこ", "en", "やまだ はなこ")]
    [InlineData("ヤマダ", "ハナコ", "en", "ヤマダ ハナコ")]
    [InlineData("ﾔﾏﾀﾞ", "ﾊﾅｺ", "en", "ﾔﾏﾀﾞ ﾊﾅｺ")]
    [InlineData("佐々木", "〆子", "en", "佐々木 〆子")]
    [InlineData("𠮷田", "太郎", "en", "𠮷田 太郎")]
    [InlineData("髙橋", "Ken", "en", "髙橋 Ken")]
    [InlineData("Smith", "Jane", "en", "Jane Smith")]
    [InlineData("Smith", "Jane", "ja", "Smith Jane")]
    [InlineData("Müller", "Jürgen", "en", "Jürgen Müller")]
    [InlineData(" Smith ", "", "en", "Smith")]
    [InlineData(null, "花子", "ja", "花子")]
    public void Compose_OrdersByScriptThenLanguage(string? family, string? given, string language, string expected) =>
        Assert.Equal(expected, PersonNames.Compose(family, given, language));

    [Fact]
    public void DisplayName_IsTheNameInTheUsersLanguage()
    {
        Assert.Equal("山田 花子", new Identity.Data.PortalUser { FamilyName = "山田", GivenName = "花子", Locale = "en" }.DisplayName);
        Assert.Equal("Jane Smith", new Identity.Data.PortalUser { FamilyName = "Smith", GivenName = "Jane", Locale = "en" }.DisplayName);
        Assert.Equal("Smith Jane", new Identity.Data.PortalUser { FamilyName = "Smith", GivenName = "Jane", Locale = "ja" }.DisplayName);
    }
}
