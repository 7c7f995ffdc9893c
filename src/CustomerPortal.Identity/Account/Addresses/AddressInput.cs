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

    /// <summary>Field name → message key for each invalid field (the same checks and keys as registration).</summary>
    public FieldErrors Validate()
    {
        var errors = new FieldErrors();
        errors.Required(nameof(Label), Label, FieldRules.NameLength);
        errors.Optional(nameof(Purpose), Purpose, FieldRules.NameLength);
        errors.PostalCode(nameof(PostalCode), PostalCode);
        errors.Prefecture(nameof(Prefecture), Prefecture);
        errors.Required(nameof(City), City, FieldRules.LineLength);
        errors.Required(nameof(Street), Street, FieldRules.LineLength);
        errors.Optional(nameof(Building), Building, FieldRules.LineLength);
        errors.Optional(nameof(Company), Company, FieldRules.LineLength);
        errors.Optional(nameof(Department), Department, FieldRules.LineLength);
        errors.Optional(nameof(Recipient), Recipient, FieldRules.LineLength);
        errors.Phone(nameof(Phone), Phone, required: false);
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
