using CustomerPortal.Identity.Companies;

namespace CustomerPortal.UnitTests.Companies;

/// <summary>One company, however its name was typed: legal form before or after, abbreviated, full-width, with spaces, in hiragana.</summary>
public sealed class CompanyNamesTests
{
    [Theory]
    [InlineData("株式会社サンプル商事", "（株）サンプル商事")]
    [InlineData("株式会社サンプル商事", "㈱サンプル商事")]
    [InlineData("株式会社サンプル商事", "サンプル商事株式会社")]
    [InlineData("株式会社サンプル商事", "株式会社　サンプル 商事")]
    [InlineData("株式会社サンプル商事", "(株)ｻﾝﾌﾟﾙ商事")]
    [InlineData("カブシキガイシャサンプルショウジ", "さんぷるしょうじ")]
    [InlineData("Sample Trading Co., Ltd.", "SAMPLE TRADING")]
    [InlineData("ＡＢＣ物流有限会社", "(有)abc物流")]
    public void TheSameCompany_ReadsTheSame(string one, string other) => Assert.True(CompanyNames.AreSame(one, other), $"{one} / {other}");

    [Theory]
    [InlineData("株式会社サンプル商事", "株式会社サンプル物産")]
    [InlineData("株式会社サンプル商事", "株式会社")]
    [InlineData("", "")]
    public void DifferentOrEmptyNames_AreNot(string one, string other) => Assert.False(CompanyNames.AreSame(one, other));
}
