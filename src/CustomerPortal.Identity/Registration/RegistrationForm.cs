using CustomerPortal.Identity.Account;
using CustomerPortal.Identity.Machines;

namespace CustomerPortal.Identity.Registration;

/// <summary>What the sign-up page posts, as typed.</summary>
public sealed class RegistrationForm
{
    public string? CompanyName { get; set; }
    public string? Department { get; set; }
    public string? FamilyName { get; set; }
    public string? GivenName { get; set; }
    public string? FamilyNameKana { get; set; }
    public string? GivenNameKana { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? PostalCode { get; set; }
    public string? Prefecture { get; set; }
    public string? City { get; set; }
    public string? Street { get; set; }
    public string? Building { get; set; }
    public string? Serial { get; set; }
    public List<string> Roles { get; set; } = [];
    public string? Language { get; set; }
    public bool AcceptTerms { get; set; }
    public bool ProductNewsByEmail { get; set; }
    public bool ProductNewsByPhone { get; set; }

    /// <summary>
    /// Rewrites every field into its canonical form (ASCII digits, one kind of hyphen, no
    /// surrounding spaces, lower-case email) so that validation and storage see one spelling,
    /// and the page shows the user what will be kept.
    /// </summary>
    public void Normalize()
    {
        CompanyName = InputText.Normalize(CompanyName);
        Department = InputText.Normalize(Department);
        FamilyName = InputText.Normalize(FamilyName);
        GivenName = InputText.Normalize(GivenName);
        FamilyNameKana = InputText.Normalize(FamilyNameKana);
        GivenNameKana = InputText.Normalize(GivenNameKana);
        Email = InputText.NormalizeEmail(Email);
        Phone = FieldRules.NormalizePhone(Phone);
        PostalCode = FieldRules.NormalizePostalCode(PostalCode);
        Prefecture = InputText.Normalize(Prefecture);
        City = InputText.Normalize(City);
        Street = InputText.Normalize(Street);
        Building = InputText.Normalize(Building);
        Serial = SerialNumber.Normalize(Serial);
        Roles = [.. Roles.Select(InputText.Normalize).Where(r => r.Length > 0).Distinct()];
        Language = InputText.Normalize(Language);
    }

    /// <summary>Field name → message key, for each field that is wrong. Empty when the form is valid.</summary>
    public Dictionary<string, string> Validate()
    {
        var errors = new Dictionary<string, string>();
        FieldRules.Required(errors, nameof(CompanyName), CompanyName, 200);
        FieldRules.Optional(errors, nameof(Department), Department, 200);
        FieldRules.Required(errors, nameof(FamilyName), FamilyName, 100);
        FieldRules.Required(errors, nameof(GivenName), GivenName, 100);
        Kana(errors, nameof(FamilyNameKana), FamilyNameKana);
        Kana(errors, nameof(GivenNameKana), GivenNameKana);

        if (string.IsNullOrEmpty(Email))
        {
            errors[nameof(Email)] = "register.error.required";
        }
        else if (!FieldRules.IsEmail(Email))
        {
            errors[nameof(Email)] = "register.error.email";
        }

        if (string.IsNullOrEmpty(Phone))
        {
            errors[nameof(Phone)] = "register.error.required";
        }
        else if (!FieldRules.IsPhone(Phone))
        {
            errors[nameof(Phone)] = "register.error.phone";
        }

        if (string.IsNullOrEmpty(PostalCode))
        {
            errors[nameof(PostalCode)] = "register.error.required";
        }
        else if (!FieldRules.IsPostalCode(PostalCode))
        {
            errors[nameof(PostalCode)] = "register.error.postalCode";
        }

        if (!Prefectures.IsCode(Prefecture))
        {
            errors[nameof(Prefecture)] = "register.error.prefecture";
        }
        FieldRules.Required(errors, nameof(City), City, 200);
        FieldRules.Required(errors, nameof(Street), Street, 200);
        FieldRules.Optional(errors, nameof(Building), Building, 200);

        if (!string.IsNullOrEmpty(Serial) && !SerialNumber.IsValid(Serial))
        {
            errors[nameof(Serial)] = "register.error.serial";
        }
        if (Roles.Count == 0 || Roles.Any(role => !PortalRoles.Customer.Contains(role)))
        {
            errors[nameof(Roles)] = "register.error.roles";
        }
        if (Language is not ("ja" or "en"))
        {
            errors[nameof(Language)] = "register.error.language";
        }
        if (!AcceptTerms)
        {
            errors[nameof(AcceptTerms)] = "register.error.terms";
        }
        return errors;
    }


    /// <summary>Kana readings are optional; when given, full-width katakana (NFKC turned half-width into it).</summary>
    private static void Kana(Dictionary<string, string> errors, string field, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }
        if (value.Length > 100 || !value.All(c => c is >= '\u30A1' and <= '\u30FA' or 'ー' or '・' or ' ' or '　'))
        {
            errors[field] = "register.error.kana";
        }
    }
}

/// <summary>The 47 prefectures by JIS X 0401 code; their names are in the message bundles (prefecture.01 …).</summary>
public static class Prefectures
{
    public static readonly string[] Codes = [.. Enumerable.Range(1, 47).Select(n => n.ToString("00", System.Globalization.CultureInfo.InvariantCulture))];

    public static bool IsCode(string? value) => value is { Length: 2 } && Codes.Contains(value);
}
