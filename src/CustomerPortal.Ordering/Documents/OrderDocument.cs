using System.Globalization;
using CustomerPortal.Ordering.Orders;

namespace CustomerPortal.Ordering.Documents;

/// <summary>The three documents of an order (見積書, 納品書, 請求書).</summary>
public enum DocumentKind
{
    Quote,
    DeliveryNote,
    Invoice,
}

/// <summary>An address as printed: the heading, the postal lines, then whom it is for (御中 or 様, see <see cref="Addressee"/>).</summary>
public sealed record AddressBlock(string Heading, IReadOnlyList<string> Lines, IReadOnlyList<string> Addressee);

/// <summary>A labelled block of plain lines, such as the bank account an invoice is paid into.</summary>
public sealed record TextBlock(string Heading, IReadOnlyList<string> Lines);

/// <summary>The amount a document is about, shown large above its lines (ご請求金額 on an invoice).</summary>
public sealed record Headline(string Label, string Amount);

/// <summary>A printed line of the document.</summary>
public sealed record DocumentLine(string Name, string Quantity, string UnitPrice, string Amount, bool Taxable);

/// <summary>
/// Everything a document shows, already in the reader's language: the HTML page and the PDF are
/// both drawn from this, so they cannot disagree.
/// </summary>
public sealed record OrderDocument(
    DocumentKind Kind,
    string Title,
    string FileName,
    IReadOnlyList<(string Label, string Value)> Facts,
    AddressBlock Recipient,
    AddressBlock? SecondAddress,
    string Greeting,
    IReadOnlyList<string> SellerLines,
    Headline? Headline,
    IReadOnlyList<string> Columns,
    IReadOnlyList<DocumentLine> Lines,
    IReadOnlyList<(string Label, string Value)> Totals,
    TextBlock? PaymentAccount,
    IReadOnlyList<string> Notes)
{
    /// <summary>Which documents an order has at its status: the quote always, the invoice once ordered, the delivery note once shipped.</summary>
    public static bool IsAvailable(DocumentKind kind, OrderStatus status) => kind switch
    {
        DocumentKind.Quote => true,
        DocumentKind.Invoice => status >= OrderStatus.Received,
        DocumentKind.DeliveryNote => status >= OrderStatus.Shipped,
        _ => false,
    };

    public static string Slug(DocumentKind kind) => kind switch
    {
        DocumentKind.Quote => "quote",
        DocumentKind.DeliveryNote => "delivery-note",
        _ => "invoice",
    };

    public static DocumentKind? FromSlug(string? slug) => slug switch
    {
        "quote" => DocumentKind.Quote,
        "delivery-note" => DocumentKind.DeliveryNote,
        "invoice" => DocumentKind.Invoice,
        _ => null,
    };

    public static OrderDocument Create(DocumentKind kind, Order order, SellerOptions seller, MessageBundle messages, CultureInfo culture)
    {
        var language = MessageBundle.LanguageOf(culture);
        string T(string key, params object?[] arguments) => messages.Get(culture, key, arguments);
        string Money(long amount) => T("format.money", amount);
        string Date(DateTimeOffset? time) => messages.Date(time, culture) ?? "";

        var slug = Slug(kind);
        var prefix = kind switch { DocumentKind.Quote => "Q", DocumentKind.DeliveryNote => "D", _ => "I" };
        var facts = new List<(string, string)>
        {
            (T("document.number"), $"{prefix}-{order.Number}"),
            (T("document.date"), Date(kind switch
            {
                DocumentKind.Quote => order.QuotedAt,
                DocumentKind.DeliveryNote => order.ShippedAt,
                _ => order.OrderedAt,
            })),
            (T("document.orderNumber"), order.Number),
        };
        if (kind == DocumentKind.Quote)
        {
            facts.Add((T("document.validUntil"), Date(order.QuoteValidUntil)));
        }
        if (kind == DocumentKind.Invoice && order.OrderedAt is { } ordered)
        {
            facts.Add((T("document.dueDate"), Date(PaymentDue(ordered))));
        }

        var orderedBy = (order.CompanyName, order.CustomerName);
        var billing = Block(T("document.billTo"), order.Billing, orderedBy, messages, culture);
        var delivery = Block(T("document.shipTo"), order.Delivery, orderedBy, messages, culture);
        var sellerLines = new List<string> { seller.Name, $"〒{seller.PostalCode} {seller.Address}", T("document.phone", seller.Phone) };
        if (kind == DocumentKind.Invoice)
        {
            sellerLines.Add(T("document.registrationNumber", seller.RegistrationNumber));
        }

        var headline = kind == DocumentKind.DeliveryNote ? null : new Headline(T($"document.headline.{slug}"), Money(order.Total));
        var totals = OrderTotals.Of(order).Select(row => (T(row.LabelKey), Money(row.Amount))).ToList();
        var account = kind == DocumentKind.Invoice && seller.Bank.IsComplete ? BankAccountBlock(seller.Bank, messages, culture) : null;

        var notes = new List<string>();
        if (order.Lines.Any(l => !l.Taxable))
        {
            notes.Add(T("document.note.nonTaxable"));
        }
        notes.Add(T($"document.note.{slug}"));

        return new OrderDocument(
            kind,
            T($"document.title.{slug}"),
            $"{slug}-{order.Number}.pdf",
            facts,
            kind == DocumentKind.DeliveryNote ? delivery : billing,
            kind == DocumentKind.DeliveryNote ? billing : delivery,
            T($"document.greeting.{slug}"),
            sellerLines,
            headline,
            [T("document.column.item"), T("document.column.quantity"), T("document.column.unitPrice"), T("document.column.amount")],
            [.. order.Lines.Select(l => new DocumentLine(
                l.Taxable ? l.Name(language) : $"{l.Name(language)} ※",
                l.Quantity.ToString("N0", culture), Money(l.UnitPrice), Money(l.Amount), l.Taxable))],
            totals,
            account,
            notes);
    }

    /// <summary>Payment is due at the end of the month after the order (Japan time).</summary>
    public static DateTimeOffset PaymentDue(DateTimeOffset orderedAt)
    {
        var local = orderedAt.ToOffset(OrderDesk.Japan);
        return new DateTimeOffset(local.Year, local.Month, 1, 0, 0, 0, OrderDesk.Japan).AddMonths(2).AddDays(-1);
    }

    private static AddressBlock Block(
        string heading, DocumentAddress address, (string?, string) orderedBy, MessageBundle messages, CultureInfo culture)
    {
        var prefecture = messages.Get(CultureInfo.GetCultureInfo("ja"), $"prefecture.{address.Prefecture}");
        var lines = new List<string>
        {
            $"〒{address.PostalCode}",
            $"{prefecture}{address.City}{address.Street}",
        };
        if (!string.IsNullOrWhiteSpace(address.Building))
        {
            lines.Add(address.Building);
        }
        if (!string.IsNullOrWhiteSpace(address.Phone))
        {
            lines.Add(messages.Get(culture, "document.phone", address.Phone));
        }
        return new AddressBlock(heading, lines, Addressee.Lines(address, orderedBy, messages, culture));
    }

    private static TextBlock BankAccountBlock(BankAccountOptions bank, MessageBundle messages, CultureInfo culture)
    {
        string T(string key, params object?[] arguments) => messages.Get(culture, key, arguments);
        return new TextBlock(T("document.bank.heading"),
        [
            T("document.bank.bank", bank.Name, bank.Branch),
            T("document.bank.account", T($"document.bank.type.{bank.AccountType}"), bank.AccountNumber),
            T("document.bank.holder", bank.AccountHolder),
        ]);
    }
}
