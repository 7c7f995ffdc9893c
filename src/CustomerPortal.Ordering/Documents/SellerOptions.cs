namespace CustomerPortal.Ordering.Documents;

/// <summary>
/// Configuration section "Seller": who issues the documents. An invoice names the seller's
/// registration number, phone and the bank account the customer pays into.
/// </summary>
public sealed class SellerOptions
{
    public const string Section = "Seller";
    public string Name { get; set; } = "";
    public string PostalCode { get; set; } = "";
    public string Address { get; set; } = "";
    public string Phone { get; set; } = "";

    /// <summary>適格請求書発行事業者登録番号 (T and 13 digits).</summary>
    public string RegistrationNumber { get; set; } = "";

    /// <summary>お振込先, printed on the invoice (section "Seller:Bank").</summary>
    public BankAccountOptions Bank { get; set; } = new();
}

/// <summary>The seller's bank account as a Japanese transfer form asks for it.</summary>
public sealed class BankAccountOptions
{
    /// <summary>e.g. 三井住友銀行.</summary>
    public string Name { get; set; } = "";

    /// <summary>e.g. 品川支店.</summary>
    public string Branch { get; set; } = "";

    public BankAccountType AccountType { get; set; } = BankAccountType.Ordinary;
    public string AccountNumber { get; set; } = "";

    /// <summary>口座名義 as the bank spells it (full-width katakana), e.g. ピツニーボウズジャパン（カ.</summary>
    public string AccountHolder { get; set; } = "";

    /// <summary>An invoice shows the account only when it is complete: a half account is worse than none.</summary>
    public bool IsComplete =>
        !string.IsNullOrWhiteSpace(Name) && !string.IsNullOrWhiteSpace(Branch)
        && !string.IsNullOrWhiteSpace(AccountNumber) && !string.IsNullOrWhiteSpace(AccountHolder);
}

/// <summary>預金種目: 普通 (ordinary) or 当座 (current).</summary>
public enum BankAccountType
{
    Ordinary,
    Current,
}
