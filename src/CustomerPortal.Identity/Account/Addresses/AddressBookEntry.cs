namespace CustomerPortal.Identity.Account.Addresses;

/// <summary>
/// One entry of the address book (宛先管理): where quotes and invoices are sent and goods are
/// delivered. The label (登録名) names it; the purpose (用途) is free text such as 請求書送付先.
/// </summary>
public class AddressBookEntry
{
    public Guid Id { get; set; }
    public string UserId { get; set; } = "";
    public string Label { get; set; } = "";
    public string? Purpose { get; set; }
    public string PostalCode { get; set; } = "";

    /// <summary>JIS X 0401 code, "01" to "47".</summary>
    public string Prefecture { get; set; } = "";
    public string City { get; set; } = "";
    public string Street { get; set; } = "";
    public string? Building { get; set; }
    public string? Company { get; set; }
    public string? Department { get; set; }
    public string? Recipient { get; set; }
    public string? Phone { get; set; }

    /// <summary>At most one entry of a user is the default billing address, and one the default delivery address.</summary>
    public bool IsDefaultBilling { get; set; }
    public bool IsDefaultDelivery { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
