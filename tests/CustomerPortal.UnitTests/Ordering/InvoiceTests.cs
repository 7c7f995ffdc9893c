using System.Globalization;
using CustomerPortal.Ordering.Documents;
using CustomerPortal.Ordering.Orders;
using CustomerPortal.UnitTests.Theming;

namespace CustomerPortal.UnitTests.Ordering;

/// <summary>What an invoice states besides its lines: the amount due, where to pay it, who issues it.</summary>
public sealed class InvoiceTests
{
    private static readonly MessageBundle Messages = ThemeBundles.Of();
    private static readonly CultureInfo Japanese = CultureInfo.GetCultureInfo("ja");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    private static readonly SellerOptions Seller = new()
    {
        Name = "ピツニーボウズジャパン株式会社",
        PostalCode = "108-0075",
        Address = "東京都港区港南2-16-1",
        Phone = "03-5555-0100",
        RegistrationNumber = "T9876543210987",
        Bank = new()
        {
            Name = "みずほ銀行",
            Branch = "品川支店",
            AccountType = BankAccountType.Current,
            AccountNumber = "7654321",
            AccountHolder = "ピツニーボウズジャパン（カ",
        },
    };

    private static Order Ordered() => new()
    {
        Number = "2026-000042",
        CustomerName = "佐藤 花子",
        CompanyName = "株式会社サンプル商事",
        Status = OrderStatus.Received,
        QuotedAt = new DateTimeOffset(2026, 11, 2, 1, 0, 0, TimeSpan.Zero),
        QuoteValidUntil = new DateTimeOffset(2026, 12, 2, 1, 0, 0, TimeSpan.Zero),
        OrderedAt = new DateTimeOffset(2026, 11, 4, 1, 0, 0, TimeSpan.Zero),
        Billing = new()
        {
            PostalCode = "100-0001", Prefecture = "13", City = "千代田区", Street = "千代田1-1",
            Company = "株式会社サンプル商事", Department = "経理部",
        },
        Delivery = new() { PostalCode = "210-0001", Prefecture = "14", City = "川崎市川崎区", Street = "本町2-3-4", Recipient = "佐藤 花子" },
        Lines =
        [
            new() { LineNumber = 1, NameJa = "料金データ 10,000円分", NameEn = "Postage value", UnitPrice = 10_000, Quantity = 2, Taxable = false },
            new() { LineNumber = 2, NameJa = "インクカートリッジ", NameEn = "Ink cartridge", UnitPrice = 12_800, Quantity = 1, Taxable = true },
        ],
    };

    [Fact]
    public void Invoice_HeadsWithTheAmountDue_IncludingTaxAndPostage()
    {
        var invoice = OrderDocument.Create(DocumentKind.Invoice, Ordered(), Seller, Messages, Japanese);

        Assert.Equal(new Headline("ご請求金額（税込）", "34,080円"), invoice.Headline);
        Assert.Equal(("合計金額（税込）", "34,080円"), invoice.Totals[^1]);
    }

    [Fact]
    public void Invoice_NamesTheSellersBankAccount_PhoneAndRegistrationNumber_FromTheSettings()
    {
        var invoice = OrderDocument.Create(DocumentKind.Invoice, Ordered(), Seller, Messages, Japanese);

        Assert.Equal("お振込先", invoice.PaymentAccount!.Heading);
        Assert.Equal(["みずほ銀行 品川支店", "当座 7654321", "口座名義 ピツニーボウズジャパン（カ"], invoice.PaymentAccount.Lines);
        Assert.Contains("TEL 03-5555-0100", invoice.SellerLines);
        Assert.Contains("登録番号 T9876543210987", invoice.SellerLines);
    }

    [Fact]
    public void Invoice_InEnglish_SaysTheSameInEnglish_WithAnEnglishDate()
    {
        var invoice = OrderDocument.Create(DocumentKind.Invoice, Ordered(), Seller, Messages, English);

        Assert.Equal(new Headline("Amount due (incl. tax)", "¥34,080"), invoice.Headline);
        Assert.Equal(
            ["みずほ銀行, 品川支店", "Current account 7654321", "Account name: ピツニーボウズジャパン（カ"],
            invoice.PaymentAccount!.Lines);
        Assert.Contains(("Date", "4 Nov 2026"), invoice.Facts);
        Assert.Contains(("Payment due", "31 Dec 2026"), invoice.Facts);
    }

    [Fact]
    public void Invoice_AddressesTheBillingDepartment_AndGreetsWithoutRepeatingIt()
    {
        var invoice = OrderDocument.Create(DocumentKind.Invoice, Ordered(), Seller, Messages, Japanese);

        Assert.Equal(["株式会社サンプル商事", "経理部 御中"], invoice.Recipient.Addressee);
        Assert.DoesNotContain("御中", invoice.Greeting);
        Assert.Contains(("発行日", "2026年11月4日"), invoice.Facts);
    }

    [Fact]
    public void AnIncompleteBankAccount_IsLeftOff_RatherThanPrintedHalf()
    {
        var seller = new SellerOptions { Name = Seller.Name, Bank = new() { Name = "みずほ銀行", Branch = "品川支店" } };

        Assert.Null(OrderDocument.Create(DocumentKind.Invoice, Ordered(), seller, Messages, Japanese).PaymentAccount);
    }

    [Fact]
    public void QuoteAndDeliveryNote_AddressTheSameWay_AndOnlyTheInvoiceHasTheBankAccount()
    {
        var order = Ordered();
        order.Status = OrderStatus.Shipped;
        order.ShippedAt = order.OrderedAt;
        var quote = OrderDocument.Create(DocumentKind.Quote, order, Seller, Messages, Japanese);
        var note = OrderDocument.Create(DocumentKind.DeliveryNote, order, Seller, Messages, Japanese);

        Assert.Equal(["株式会社サンプル商事", "経理部 御中"], quote.Recipient.Addressee);
        Assert.Equal(new Headline("お見積金額（税込）", "34,080円"), quote.Headline);
        // The delivery note is for whoever receives the goods: a person, so 様.
        Assert.Equal(["佐藤 花子 様"], note.Recipient.Addressee);
        Assert.Null(note.Headline);
        Assert.Null(quote.PaymentAccount);
        Assert.Null(note.PaymentAccount);
    }
}
