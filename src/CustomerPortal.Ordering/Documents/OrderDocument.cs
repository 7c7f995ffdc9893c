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

/// <summary>Configuration section "Seller": who issues the documents (an invoice names the seller's registration number).</summary>
public sealed class SellerOptions
{
    public const string Section = "Seller";
    public string Name { get; set; } = "";
    public string PostalCode { get; set; } = "";
    public string Address { get; set; } = "";
    public string Phone { get; set; } = "";

    /// <summary>適格請求書発行事業者登録番号 (T and 13 digits).</summary>
    public string RegistrationNumber { get; set; } = "";
}

/// <summary>A labelled address block as printed.</summary>
public sealed record AddressBlock(string Heading, IReadOnlyList<string> Lines);

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
    IReadOnlyList<string> Columns,
    IReadOnlyList<DocumentLine> Lines,
    IReadOnlyList<(string Label, string Value)> Totals,
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
        string Date(DateTimeOffset? time) => time is { } value ? value.ToOffset(OrderDesk.Japan).ToString(T("format.date"), culture) : "";

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

        var billing = Block(T("document.billTo"), order.Billing, messages, culture);
        var delivery = Block(T("document.shipTo"), order.Delivery, messages, culture);
        var sellerLines = new List<string> { seller.Name, $"〒{seller.PostalCode} {seller.Address}", T("document.phone", seller.Phone) };
        if (kind == DocumentKind.Invoice)
        {
            sellerLines.Add(T("document.registrationNumber", seller.RegistrationNumber));
        }

        var totals = new List<(string, string)>
        {
            (T("document.taxableSubtotal"), Money(order.TaxableSubtotal)),
            (T("document.tax"), Money(order.Tax)),
        };
        if (order.NonTaxableSubtotal > 0)
        {
            totals.Add((T("document.nonTaxableSubtotal"), Money(order.NonTaxableSubtotal)));
        }
        totals.Add((T("document.total"), Money(order.Total)));

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
            T($"document.greeting.{slug}", order.CompanyName ?? order.CustomerName),
            sellerLines,
            [T("document.column.item"), T("document.column.quantity"), T("document.column.unitPrice"), T("document.column.amount")],
            [.. order.Lines.Select(l => new DocumentLine(
                l.Taxable ? l.Name(language) : $"{l.Name(language)} ※",
                l.Quantity.ToString("N0", culture), Money(l.UnitPrice), Money(l.Amount), l.Taxable))],
            totals,
            notes);
    }

    /// <summary>Payment is due at the end of the month after the order (Japan time).</summary>
    public static DateTimeOffset PaymentDue(DateTimeOffset orderedAt)
    {
        var local = orderedAt.ToOffset(OrderDesk.Japan);
        return new DateTimeOffset(local.Year, local.Month, 1, 0, 0, 0, OrderDesk.Japan).AddMonths(2).AddDays(-1);
    }

    private static AddressBlock Block(string heading, DocumentAddress address, MessageBundle messages, CultureInfo culture)
    {
        var prefecture = messages.Get(CultureInfo.GetCultureInfo("ja"), $"prefecture.{address.Prefecture}");
        var lines = new List<string>
        {
            $"〒{address.PostalCode}",
            $"{prefecture}{address.City}{address.Street}",
        };
        lines.AddRange(new[] { address.Building, address.Company, address.Department }.Where(s => !string.IsNullOrWhiteSpace(s))!);
        if (!string.IsNullOrWhiteSpace(address.Recipient))
        {
            lines.Add(messages.Get(culture, "document.recipient", address.Recipient));
        }
        if (!string.IsNullOrWhiteSpace(address.Phone))
        {
            lines.Add(messages.Get(culture, "document.phone", address.Phone));
        }
        return new AddressBlock(heading, lines);
    }
}
