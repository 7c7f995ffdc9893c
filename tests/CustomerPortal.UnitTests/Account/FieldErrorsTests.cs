using CustomerPortal.Identity.Account;

namespace CustomerPortal.UnitTests.Account;

/// <summary>The shared checks every form states its fields with, and what a page reads back.</summary>
public sealed class FieldErrorsTests
{
    private static string? One(Action<FieldErrors> check)
    {
        var errors = new FieldErrors();
        check(errors);
        return errors.For("X");
    }

    [Theory]
    [InlineData(null, "register.error.required")]
    [InlineData("", "register.error.required")]
    [InlineData("12345", null)]
    [InlineData("123456", "register.error.tooLong")]
    public void Required_AsksForSomethingNotTooLong(string? value, string? expected)
    {
        Assert.Equal(expected, One(e => e.Required("X", value, 5)));
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData("12345", null)]
    [InlineData("123456", "register.error.tooLong")]
    public void Optional_OnlyRefusesWhatIsTooLong(string? value, string? expected)
    {
        Assert.Equal(expected, One(e => e.Optional("X", value, 5)));
    }

    [Theory]
    [InlineData("", "register.error.required")]
    [InlineData("taro@", "register.error.email")]
    [InlineData("taro@example.co.jp", null)]
    public void Email_IsRequiredAndPlain(string value, string? expected)
    {
        Assert.Equal(expected, One(e => e.Email("X", value)));
    }

    [Theory]
    [InlineData("", true, "register.error.required")]
    [InlineData("", false, null)]
    [InlineData("03-1234", true, "register.error.phone")]
    [InlineData("03-1234", false, "register.error.phone")]
    [InlineData("03-1234-5678", true, null)]
    public void Phone_ChecksTheFormatOfWhatIsEntered_AndMissingOnlyWhenRequired(string value, bool required, string? expected)
    {
        Assert.Equal(expected, One(e => e.Phone("X", value, required)));
    }

    [Theory]
    [InlineData("", "register.error.required")]
    [InlineData("1008111", "register.error.postalCode")]
    [InlineData("100-8111", null)]
    public void PostalCode_IsRequired_ThreeDashFour(string value, string? expected)
    {
        Assert.Equal(expected, One(e => e.PostalCode("X", value)));
    }

    [Theory]
    [InlineData(null, "register.error.prefecture")]
    [InlineData("", "register.error.prefecture")]
    [InlineData("00", "register.error.prefecture")]
    [InlineData("48", "register.error.prefecture")]
    [InlineData("01", null)]
    [InlineData("47", null)]
    public void Prefecture_IsOneOfTheFortySevenCodes(string? value, string? expected)
    {
        Assert.Equal(expected, One(e => e.Prefecture("X", value)));
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData("ヤマダ", null)]
    [InlineData("ヤマダ・タロウ", null)]
    [InlineData("ヴァン　デル", null)]
    [InlineData("やまだ", "register.error.kana")] // hiragana
    [InlineData("山田", "register.error.kana")]
    [InlineData("Yamada", "register.error.kana")]
    public void Kana_IsOptionalFullWidthKatakana(string? value, string? expected)
    {
        Assert.Equal(expected, One(e => e.Kana("X", value)));
    }

    [Fact]
    public void Kana_RefusesAReadingLongerThanAName()
    {
        Assert.Null(One(e => e.Kana("X", new string('ア', FieldRules.NameLength))));
        Assert.Equal("register.error.kana", One(e => e.Kana("X", new string('ア', FieldRules.NameLength + 1))));
    }

    [Theory]
    [InlineData("ja", null)]
    [InlineData("en", null)]
    [InlineData("fr", "register.error.language")]
    [InlineData("", "register.error.language")]
    [InlineData(null, "register.error.language")]
    public void Language_IsOneThePortalSpeaks(string? value, string? expected)
    {
        Assert.Equal(expected, One(e => e.Language("X", value)));
    }

    [Fact]
    public void Check_AddsTheMessageOnlyWhenTheRuleFails()
    {
        Assert.Null(One(e => e.Check("X", valid: true, "some.key")));
        Assert.Equal("some.key", One(e => e.Check("X", valid: false, "some.key")));
    }

    [Fact]
    public void AField_KeepsItsFirstMessage()
    {
        var errors = new FieldErrors();
        errors.Required("X", "", 5);
        errors.Add("X", "later.key");

        Assert.Equal("register.error.required", errors.For("X"));
        Assert.Equal(1, errors.Count);
    }

    [Fact]
    public void Empty_UntilAFieldIsWrong_ThenListsTheWrongFieldsInOrder()
    {
        var errors = new FieldErrors();
        Assert.True(errors.IsEmpty);
        Assert.Null(errors.For("X"));

        errors.Required("B", "", 5);
        errors.Required("Fine", "ok", 5);
        errors.Optional("A", "too long", 5);

        Assert.False(errors.IsEmpty);
        Assert.Equal(2, errors.Count);
        Assert.Equal(["B", "A"], errors.ByField.Keys);
        Assert.Null(errors.For("Fine"));
        Assert.Equal(new Dictionary<string, string> { ["B"] = "register.error.required", ["A"] = "register.error.tooLong" }, errors.ByField);
    }
}
