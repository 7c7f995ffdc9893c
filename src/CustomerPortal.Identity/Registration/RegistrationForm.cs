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

    /// <summary>
    /// Every value as the form posts it (a role each, a box only when checked): what the
    /// confirmation carries in hidden fields from the form to sending, so that nothing is kept on the server in between.
    /// </summary>
    public IEnumerable<(string Name, string Value)> Fields()
    {
        (string, string?)[] texts =
        [
            (nameof(CompanyName), CompanyName), (nameof(Department), Department),
            (nameof(FamilyName), FamilyName), (nameof(GivenName), GivenName),
            (nameof(FamilyNameKana), FamilyNameKana), (nameof(GivenNameKana), GivenNameKana),
            (nameof(Email), Email), (nameof(Phone), Phone),
            (nameof(PostalCode), PostalCode), (nameof(Prefecture), Prefecture), (nameof(City), City),
            (nameof(Street), Street), (nameof(Building), Building),
            (nameof(Serial), Serial), (nameof(Language), Language),
        ];
        foreach (var (name, value) in texts)
        {
            yield return (name, value ?? "");
        }
        foreach (var role in Roles)
        {
            yield return (nameof(Roles), role);
        }
        foreach (var (name, chosen) in new[]
        {
            (nameof(AcceptTerms), AcceptTerms), (nameof(ProductNewsByEmail), ProductNewsByEmail), (nameof(ProductNewsByPhone), ProductNewsByPhone),
        })
        {
            if (chosen)
            {
                yield return (name, "true");
            }
        }
    }

    /// <summary>Field name → message key, for each field that is wrong. Empty when the form is valid.</summary>
    public FieldErrors Validate()
    {
        var errors = new FieldErrors();
        errors.Required(nameof(CompanyName), CompanyName, FieldRules.LineLength);
        errors.Optional(nameof(Department), Department, FieldRules.LineLength);
        errors.Required(nameof(FamilyName), FamilyName, FieldRules.NameLength);
        errors.Required(nameof(GivenName), GivenName, FieldRules.NameLength);
        errors.Kana(nameof(FamilyNameKana), FamilyNameKana);
        errors.Kana(nameof(GivenNameKana), GivenNameKana);
        errors.Email(nameof(Email), Email);
        errors.Phone(nameof(Phone), Phone, required: true);
        errors.PostalCode(nameof(PostalCode), PostalCode);
        errors.Prefecture(nameof(Prefecture), Prefecture);
        errors.Required(nameof(City), City, FieldRules.LineLength);
        errors.Required(nameof(Street), Street, FieldRules.LineLength);
        errors.Optional(nameof(Building), Building, FieldRules.LineLength);
        errors.Check(nameof(Serial), string.IsNullOrEmpty(Serial) || SerialNumber.IsValid(Serial), "register.error.serial");
        errors.Check(nameof(Roles), Roles.Count > 0 && Roles.All(PortalRoles.Customer.Contains), "register.error.roles");
        errors.Language(nameof(Language), Language);
        errors.Check(nameof(AcceptTerms), AcceptTerms, "register.error.terms");
        return errors;
    }
}

/// <summary>The 47 prefectures by JIS X 0401 code; their names are in the message bundles (prefecture.01 …).</summary>
public static class Prefectures
{
    public static readonly string[] Codes = [.. Enumerable.Range(1, 47).Select(n => n.ToString("00", System.Globalization.CultureInfo.InvariantCulture))];

    public static bool IsCode(string? value) => value is { Length: 2 } && Codes.Contains(value);
}
