using CustomerPortal.Identity.Registration;

namespace CustomerPortal.UnitTests.Registration;

/// <summary>The sign-up form's rules: what is normalised, and which field gets which message.</summary>
public sealed class RegistrationFormTests
{
    private static RegistrationForm Valid() => new()
    {
        CompanyName = "テスト商事株式会社",
        FamilyName = "山田",
        GivenName = "太郎",
        FamilyNameKana = "ヤマダ",
        GivenNameKana = "タロウ",
        Email = "taro@example.co.jp",
        Phone = "03-1234-5678",
        PostalCode = "100-8111",
        Prefecture = "13",
        City = "千代田区",
        Street = "千代田1-1",
        Serial = "1234567",
        Roles = [PortalRoles.Customer[0]],
        Language = "ja",
        AcceptTerms = true,
    };

    [Fact]
    public void Validate_ACompleteForm_HasNoErrors()
    {
        var form = Valid();
        form.Normalize();
        Assert.Empty(form.Validate().ByField);
    }

    [Fact]
    public void Normalize_ThenValidate_AcceptsWhatAJapaneseKeyboardTypes()
    {
        var form = Valid();
        form.Email = " Taro@Example.CO.JP ";
        form.Phone = "０３ー１２３４ー５６７８";
        form.PostalCode = "１００８１１１";
        form.FamilyNameKana = "ﾔﾏﾀﾞ";
        form.Serial = "１２３-４５６７";

        form.Normalize();

        Assert.Empty(form.Validate().ByField);
        Assert.Equal(("taro@example.co.jp", "03-1234-5678", "100-8111", "ヤマダ", "1234567"),
            (form.Email, form.Phone, form.PostalCode, form.FamilyNameKana, form.Serial));
    }

    [Fact]
    public void Validate_NamesEachWrongFieldWithItsMessage()
    {
        var form = Valid();
        form.CompanyName = "";
        form.FamilyNameKana = "やまだ"; // hiragana: the reading is asked in katakana
        form.Email = "taro@";
        form.Phone = "03-1234";
        form.PostalCode = "1008";
        form.Prefecture = "48";
        form.Serial = "123456";
        form.Roles = ["owner"];
        form.Language = "fr";
        form.AcceptTerms = false;
        form.Building = new string('x', 201);

        var errors = form.Validate();

        Assert.Equal(new Dictionary<string, string>
        {
            [nameof(form.CompanyName)] = "register.error.required",
            [nameof(form.FamilyNameKana)] = "register.error.kana",
            [nameof(form.Email)] = "register.error.email",
            [nameof(form.Phone)] = "register.error.phone",
            [nameof(form.PostalCode)] = "register.error.postalCode",
            [nameof(form.Prefecture)] = "register.error.prefecture",
            [nameof(form.Building)] = "register.error.tooLong",
            [nameof(form.Serial)] = "register.error.serial",
            [nameof(form.Roles)] = "register.error.roles",
            [nameof(form.Language)] = "register.error.language",
            [nameof(form.AcceptTerms)] = "register.error.terms",
        }, errors.ByField);
    }

    [Fact]
    public void Validate_TheSerialIsOptional_TheRolesAreNot()
    {
        var form = Valid();
        form.Serial = "";
        form.Roles = [];

        Assert.Equal(["Roles"], form.Validate().ByField.Keys);
    }

    /// <summary>
    /// The confirmation page carries the form in hidden fields (Fields): a field left out there would be lost
    /// between confirming and sending, so every property the form binds must be among them, as the form posts it.
    /// </summary>
    [Fact]
    public void Fields_CarryEveryValueOfTheForm_ForTheConfirmation()
    {
        var form = Valid();
        form.Department = "総務部";
        form.Building = "サンプルビル3F";
        form.Roles = [.. PortalRoles.Customer.Take(2)];
        form.ProductNewsByEmail = true;
        form.ProductNewsByPhone = true;

        var fields = form.Fields().ToList();

        var bound = typeof(RegistrationForm).GetProperties().Where(p => p.CanWrite).Select(p => p.Name);
        Assert.Empty(bound.Except(fields.Select(f => f.Name)));
        Assert.Equal(PortalRoles.Customer.Take(2), fields.Where(f => f.Name == "Roles").Select(f => f.Value));
        Assert.Contains(("Building", "サンプルビル3F"), fields);
        Assert.Contains(("AcceptTerms", "true"), fields);
        // An unchecked box is not posted at all, as a browser would not post it.
        form.ProductNewsByPhone = false;
        Assert.DoesNotContain(form.Fields(), f => f.Name == "ProductNewsByPhone");
    }
}
