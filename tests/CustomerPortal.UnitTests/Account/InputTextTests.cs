using CustomerPortal.Identity.Account;
using CustomerPortal.Identity.Machines;

namespace CustomerPortal.UnitTests.Account;

/// <summary>What people type on a Japanese keyboard becomes one spelling before it is checked or stored.</summary>
public sealed class InputTextTests
{
    [Theory]
    [InlineData("  山田　", "山田")]
    [InlineData("ﾔﾏﾀﾞ", "ヤマダ")]          // half-width kana, voiced mark included, become one full-width letter each
    [InlineData("ＡＢＣ商事", "ABC商事")]     // full-width Latin letters become ASCII
    [InlineData("㈱テスト", "(株)テスト")]      // the one-character company mark is spelled out
    [InlineData(null, "")]
    public void Normalize_TurnsWhatIsTypedIntoOneSpelling(string? typed, string expected)
    {
        Assert.Equal(expected, InputText.Normalize(typed));
    }

    [Theory]
    [InlineData(" Taro.Yamada@Example.CO.JP ", "taro.yamada@example.co.jp")]
    [InlineData("ｔａｒｏ＠ｅｘａｍｐｌｅ．ｃｏｍ", "taro@example.com")]
    public void NormalizeEmail_IsLowerCaseAscii(string typed, string expected)
    {
        Assert.Equal(expected, InputText.NormalizeEmail(typed));
    }

    [Theory]
    [InlineData("１２３ー４５６７", "1234567")]
    [InlineData("123 4567", "1234567")]
    [InlineData("123‐4567", "1234567")]      // U+2010, as some IMEs type it
    public void SerialNumber_Normalize_DropsHyphensAndSpaces(string typed, string expected)
    {
        Assert.Equal(expected, SerialNumber.Normalize(typed));
        Assert.True(SerialNumber.IsValid(SerialNumber.Normalize(typed)));
    }

    [Theory]
    [InlineData("123456")]
    [InlineData("12345678")]
    [InlineData("12345a7")]
    public void SerialNumber_IsValid_RefusesAnythingButSevenDigits(string serial)
    {
        Assert.False(SerialNumber.IsValid(serial));
    }
}
