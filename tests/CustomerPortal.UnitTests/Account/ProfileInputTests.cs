using CustomerPortal.Identity.Account;
using CustomerPortal.Identity.Registration;

namespace CustomerPortal.UnitTests.Account;

/// <summary>The user info of account settings: the same rules as the sign-up form for the same fields.</summary>
public sealed class ProfileInputTests
{
    private static ProfileInput Valid() => new()
    {
        FamilyName = "山田",
        GivenName = "太郎",
        FamilyNameKana = "ヤマダ",
        GivenNameKana = "タロウ",
        CompanyName = "テスト商事株式会社",
        Department = "経理部",
        Phone = "03-1234-5678",
        Language = "ja",
    };

    [Fact]
    public void Validate_ACompleteProfile_HasNoErrors()
    {
        var profile = Valid();
        profile.Normalize();
        Assert.Empty(profile.Validate().ByField);
    }

    [Fact]
    public void Validate_TheReadingsAndTheDepartmentMayStayEmpty()
    {
        var profile = Valid();
        profile.FamilyNameKana = "";
        profile.GivenNameKana = null;
        profile.Department = "";
        profile.Normalize();

        Assert.Empty(profile.Validate().ByField);
    }

    [Fact]
    public void Normalize_ThenValidate_AcceptsWhatAJapaneseKeyboardTypes()
    {
        var profile = Valid();
        profile.Phone = "０３ー１２３４ー５６７８";
        profile.GivenNameKana = "ﾀﾛｳ";
        profile.Language = " en ";

        profile.Normalize();

        Assert.Empty(profile.Validate().ByField);
        Assert.Equal(("03-1234-5678", "タロウ", "en"), (profile.Phone, profile.GivenNameKana, profile.Language));
    }

    [Fact]
    public void Validate_NamesEachWrongFieldWithItsMessage()
    {
        var profile = Valid();
        profile.FamilyName = "";
        profile.GivenName = new string('x', FieldRules.NameLength + 1);
        profile.FamilyNameKana = "やまだ";
        profile.GivenNameKana = new string('タ', FieldRules.NameLength + 1);
        profile.CompanyName = "";
        profile.Department = new string('x', FieldRules.LineLength + 1);
        profile.Phone = "03-1234";
        profile.Language = "fr";

        Assert.Equal(new Dictionary<string, string>
        {
            [nameof(profile.FamilyName)] = "register.error.required",
            [nameof(profile.GivenName)] = "register.error.tooLong",
            [nameof(profile.FamilyNameKana)] = "register.error.kana",
            [nameof(profile.GivenNameKana)] = "register.error.kana",
            [nameof(profile.CompanyName)] = "register.error.required",
            [nameof(profile.Department)] = "register.error.tooLong",
            [nameof(profile.Phone)] = "register.error.phone",
            [nameof(profile.Language)] = "register.error.language",
        }, profile.Validate().ByField);
    }

    [Fact]
    public void Validate_ThePhoneIsRequired()
    {
        var profile = Valid();
        profile.Phone = "";

        Assert.Equal("register.error.required", profile.Validate().For(nameof(profile.Phone)));
    }

    public static TheoryData<string, string?> SharedFieldValues => new()
    {
        { "FamilyName", "" }, { "FamilyName", new string('x', 100) }, { "FamilyName", new string('x', 101) },
        { "GivenName", "" }, { "GivenName", new string('x', 101) },
        { "FamilyNameKana", "" }, { "FamilyNameKana", "やまだ" }, { "FamilyNameKana", new string('ア', 101) },
        { "GivenNameKana", "Taro" },
        { "CompanyName", "" }, { "CompanyName", new string('x', 200) }, { "CompanyName", new string('x', 201) },
        { "Department", "" }, { "Department", new string('x', 201) },
        { "Phone", "" }, { "Phone", "03-1234" }, { "Phone", "090-1234-5678" },
        { "Language", "en" }, { "Language", "fr" }, { "Language", "" },
    };

    /// <summary>Whatever a field holds, the profile and the sign-up form say the same about it.</summary>
    [Theory]
    [MemberData(nameof(SharedFieldValues))]
    public void Validate_AgreesWithTheRegistrationForm_OnEveryFieldTheyShare(string field, string? value)
    {
        var profile = Valid();
        var registration = new RegistrationForm
        {
            FamilyName = profile.FamilyName, GivenName = profile.GivenName,
            FamilyNameKana = profile.FamilyNameKana, GivenNameKana = profile.GivenNameKana,
            CompanyName = profile.CompanyName, Department = profile.Department, Phone = profile.Phone, Language = profile.Language,
        };
        typeof(ProfileInput).GetProperty(field)!.SetValue(profile, value);
        typeof(RegistrationForm).GetProperty(field)!.SetValue(registration, value);

        Assert.Equal(registration.Validate().For(field), profile.Validate().For(field));
    }
}
