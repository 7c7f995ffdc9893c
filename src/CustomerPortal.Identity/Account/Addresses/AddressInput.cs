using CustomerPortal.Identity.Registration;

namespace CustomerPortal.Identity.Account.Addresses;

/// <summary>An address book entry as a person types it on the page or an app sends it to the API.</summary>
public sealed class AddressInput
{
    public string? Label { get; set; }
    public string? Purpose { get; set; }
    public string? PostalCode { get; set; }
    public string? Prefecture { get; set; }
    public string? City { get; set; }
    public string? Street { get; set; }
    public string? Building { get; set; }
    public string? Company { get; set; }
    public string? Department { get; set; }
    public string? Recipient { get; set; }
    public string? Phone { get; set; }
    public bool IsDefaultBilling { get; set; }
    public bool IsDefaultDelivery { get; set; }

    public void Normalize()
    {
        Label = InputText.Normalize(Label);
        Purpose = InputText.Normalize(Purpose);
        PostalCode = FieldRules.NormalizePostalCode(PostalCode);
        Prefecture = InputText.Normalize(Prefecture);
        City = InputText.Normalize(City);
        Street = InputText.Normalize(Street);
        Building = InputText.Normalize(Building);
        Company = InputText.Normalize(Company);
        Department = InputText.Normalize(Department);
        Recipient = InputText.Normalize(Recipient);
        Phone = FieldRules.NormalizePhone(Phone);
    }

    /// <summary>Field name → message key for each invalid field (the same keys as registration).</summary>
    public Dictionary<string, string> Validate()
    {
        var errors = new Dictionary<string, string>();
        FieldRules.Required(errors, nameof(Label), Label, 100);
        FieldRules.Optional(errors, nameof(Purpose), Purpose, 100);
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
        FieldRules.Optional(errors, nameof(Company), Company, 200);
        FieldRules.Optional(errors, nameof(Department), Department, 200);
        FieldRules.Optional(errors, nameof(Recipient), Recipient, 200);
        if (!string.IsNullOrEmpty(Phone) && !FieldRules.IsPhone(Phone))
        {
            errors[nameof(Phone)] = "register.error.phone";
        }
        return errors;
    }

    public static AddressInput From(AddressBookEntry entry) => new()
    {
        Label = entry.Label,
        Purpose = entry.Purpose,
        PostalCode = entry.PostalCode,
        Prefecture = entry.Prefecture,
        City = entry.City,
        Street = entry.Street,
        Building = entry.Building,
        Company = entry.Company,
        Department = entry.Department,
        Recipient = entry.Recipient,
        Phone = entry.Phone,
        IsDefaultBilling = entry.IsDefaultBilling,
        IsDefaultDelivery = entry.IsDefaultDelivery,
    };

    internal void CopyTo(AddressBookEntry entry)
    {
        entry.Label = Label!;
        entry.Purpose = Empty(Purpose);
        entry.PostalCode = PostalCode!;
        entry.Prefecture = Prefecture!;
        entry.City = City!;
        entry.Street = Street!;
        entry.Building = Empty(Building);
        entry.Company = Empty(Company);
        entry.Department = Empty(Department);
        entry.Recipient = Empty(Recipient);
        entry.Phone = Empty(Phone);
        entry.IsDefaultBilling = IsDefaultBilling;
        entry.IsDefaultDelivery = IsDefaultDelivery;
    }

    private static string? Empty(string? value) => string.IsNullOrEmpty(value) ? null : value;

}
