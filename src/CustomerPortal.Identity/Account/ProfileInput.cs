using CustomerPortal.Identity.Data;

namespace CustomerPortal.Identity.Account;

/// <summary>The editable user info of account settings (ユーザー情報).</summary>
public sealed class ProfileInput
{
    public string? FamilyName { get; set; }
    public string? GivenName { get; set; }
    public string? FamilyNameKana { get; set; }
    public string? GivenNameKana { get; set; }
    public string? CompanyName { get; set; }
    public string? Department { get; set; }
    public string? Phone { get; set; }
    public string? Language { get; set; }

    public static ProfileInput From(PortalUser user) => new()
    {
        FamilyName = user.FamilyName,
        GivenName = user.GivenName,
        FamilyNameKana = user.FamilyNameKana,
        GivenNameKana = user.GivenNameKana,
        CompanyName = user.CompanyName,
        Department = user.Department,
        Phone = user.PhoneNumber,
        Language = user.Locale,
    };

    public void Normalize()
    {
        FamilyName = InputText.Normalize(FamilyName);
        GivenName = InputText.Normalize(GivenName);
        FamilyNameKana = InputText.Normalize(FamilyNameKana);
        GivenNameKana = InputText.Normalize(GivenNameKana);
        CompanyName = InputText.Normalize(CompanyName);
        Department = InputText.Normalize(Department);
        Phone = FieldRules.NormalizePhone(Phone);
        Language = InputText.Normalize(Language);
    }

    /// <summary>
    /// Field name → message key for each invalid field: the checks registration states for the
    /// same fields (<see cref="Registration.RegistrationForm.Validate"/>), so the two never disagree.
    /// </summary>
    public FieldErrors Validate()
    {
        var errors = new FieldErrors();
        errors.Required(nameof(FamilyName), FamilyName, FieldRules.NameLength);
        errors.Required(nameof(GivenName), GivenName, FieldRules.NameLength);
        errors.Kana(nameof(FamilyNameKana), FamilyNameKana);
        errors.Kana(nameof(GivenNameKana), GivenNameKana);
        errors.Required(nameof(CompanyName), CompanyName, FieldRules.LineLength);
        errors.Optional(nameof(Department), Department, FieldRules.LineLength);
        errors.Phone(nameof(Phone), Phone, required: true);
        errors.Language(nameof(Language), Language);
        return errors;
    }

    public void CopyTo(PortalUser user)
    {
        user.FamilyName = FamilyName!;
        user.GivenName = GivenName!;
        user.FamilyNameKana = string.IsNullOrEmpty(FamilyNameKana) ? null : FamilyNameKana;
        user.GivenNameKana = string.IsNullOrEmpty(GivenNameKana) ? null : GivenNameKana;
        user.CompanyName = CompanyName!;
        user.Department = Department ?? "";
        user.PhoneNumber = Phone;
        user.Locale = Language!;
    }
}
