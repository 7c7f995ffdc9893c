namespace CustomerPortal.Contracts;

/// <summary>
/// An entry of the user's address book (宛先管理) as <see cref="PortalPaths.AddressBook"/> exchanges
/// it: the fields printed on quotes, delivery notes and invoices.
/// </summary>
public sealed record AddressBookItem(
    Guid Id, string Label, string? Purpose, string PostalCode, string Prefecture, string City, string Street, string? Building,
    string? Company, string? Department, string? Recipient, string? Phone, bool IsDefaultBilling, bool IsDefaultDelivery);
