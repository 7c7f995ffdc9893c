using CustomerPortal.Identity.Account;

namespace CustomerPortal.UnitTests.Account;

/// <summary>The rules registration, account settings and the address book share for phone, postal code, email and kana.</summary>
public sealed class FieldRulesTests
{
    [Theory]
    [InlineData("０３ー１２３４ー５６７８", "03-1234-5678")]
    [InlineData(" 090 1234 5678 ", "09012345678")]
    [InlineData("03−1234−5678", "03-1234-5678")] // U+2212 minus sign
    public void NormalizePhone_GivesAsciiDigitsAndOneKindOfHyphen(string typed, string expected)
    {
        Assert.Equal(expected, FieldRules.NormalizePhone(typed));
        Assert.True(FieldRules.IsPhone(expected));
    }

    [Theory]
    [InlineData("03-1234-567")]    // 9 digits
    [InlineData("090-1234-56789")] // 12 digits
    [InlineData("03(1234)5678")]
    public void IsPhone_RefusesWhatIsNotAJapanesePhoneNumber(string phone)
    {
        Assert.False(FieldRules.IsPhone(phone));
    }

    [Theory]
    [InlineData("１００８１１１", "100-8111")]
    [InlineData("100ー8111", "100-8111")]
    [InlineData("〒100-8111", "〒100-8111")] // left as typed, for validation to refuse
    public void NormalizePostalCode_WritesSevenDigitsAsThreeDashFour(string typed, string expected)
    {
        Assert.Equal(expected, FieldRules.NormalizePostalCode(typed));
    }

    [Theory]
    [InlineData("100-8111", true)]
    [InlineData("1008111", false)]
    [InlineData("10-08111", false)]
    public void IsPostalCode(string value, bool expected)
    {
        Assert.Equal(expected, FieldRules.IsPostalCode(value));
    }

    [Theory]
    [InlineData("taro@example.co.jp", true)]
    [InlineData("taro@localhost", false)]
    [InlineData("Taro <taro@example.com>", false)]
    [InlineData("taro@@example.com", false)]
    public void IsEmail_TakesOnlyAPlainAddressWithADomain(string value, bool expected)
    {
        Assert.Equal(expected, FieldRules.IsEmail(value));
    }

    [Fact]
    public void IsEmail_RefusesAnAddressLongerThanTheColumn()
    {
        Assert.False(FieldRules.IsEmail(new string('a', 250) + "@example.com"));
    }

    [Theory]
    [InlineData("ヤマダ", true)]
    [InlineData("ヤマダ タロウ", true)]
    [InlineData("ヤマダ・タロウ", true)]
    [InlineData("ヴァン", true)]
    [InlineData("やまだ", false)] // hiragana
    [InlineData("ﾔﾏﾀﾞ", false)]   // half-width: normalisation turns it into full-width first
    [InlineData("山田", false)]
    public void IsKana_TakesFullWidthKatakanaOnly(string value, bool expected)
    {
        Assert.Equal(expected, FieldRules.IsKana(value));
    }
}
