using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerPortal.Ordering.Orders;

/// <summary>Where an order stands. A quote becomes an order when the customer confirms it.</summary>
public enum OrderStatus
{
    Quoted,
    Received,
    Shipped,
    Delivered,
}

/// <summary>
/// A quote and, once confirmed, the order it became. Prices, names and addresses are copied in
/// when the quote is made, so its documents never change when the catalog or the address book does.
/// </summary>
public class Order
{
    public int Id { get; set; }

    /// <summary>Shown on every document of the order, e.g. 2026-000042.</summary>
    public string Number { get; set; } = "";

    /// <summary>Who ordered: the company's other buyers see the order with this name.</summary>
    public string UserId { get; set; } = "";
    public string CustomerName { get; set; } = "";
    public string? CompanyName { get; set; }

    /// <summary>The company's code (法人コード) when the quote was made: every buyer of the company sees the order.</summary>
    public string? CompanyId { get; set; }

    public OrderStatus Status { get; set; }
    public DateTimeOffset QuotedAt { get; set; }
    public DateTimeOffset QuoteValidUntil { get; set; }
    public DateTimeOffset? OrderedAt { get; set; }
    public DateTimeOffset? ShippedAt { get; set; }
    public DateTimeOffset? DeliveredAt { get; set; }

    public DocumentAddress Billing { get; set; } = new();
    public DocumentAddress Delivery { get; set; } = new();
    public List<OrderLine> Lines { get; set; } = [];

    /// <summary>Consumption tax rate on taxable supplies; postage funds (料金データ) is not taxed.</summary>
    public const decimal TaxRate = 0.10m;

    public long TaxableSubtotal => Lines.Where(l => l.Taxable).Sum(l => l.Amount);
    public long NonTaxableSubtotal => Lines.Where(l => !l.Taxable).Sum(l => l.Amount);

    /// <summary>Tax is computed once per document and rate, rounded down, as invoices in Japan require.</summary>
    public long Tax => (long)decimal.Floor(TaxableSubtotal * TaxRate);

    public long Total => TaxableSubtotal + NonTaxableSubtotal + Tax;
}

public class OrderLine
{
    public int LineNumber { get; set; }
    public string ItemCode { get; set; } = "";
    public string NameJa { get; set; } = "";
    public string NameEn { get; set; } = "";
    public long UnitPrice { get; set; }
    public int Quantity { get; set; }
    public bool Taxable { get; set; }

    public long Amount => UnitPrice * Quantity;

    public string Name(string language) => language == "en" ? NameEn : NameJa;
}

/// <summary>A billing or delivery address as printed, copied from the IdP's address book.</summary>
public class DocumentAddress
{
    public string PostalCode { get; set; } = "";
    public string Prefecture { get; set; } = "";
    public string City { get; set; } = "";
    public string Street { get; set; } = "";
    public string? Building { get; set; }
    public string? Company { get; set; }
    public string? Department { get; set; }
    public string? Recipient { get; set; }
    public string? Phone { get; set; }

    internal static void Map<TOwner>(OwnedNavigationBuilder<TOwner, DocumentAddress> address) where TOwner : class
    {
        address.Property(a => a.PostalCode).HasMaxLength(10);
        address.Property(a => a.Prefecture).HasMaxLength(4);
        address.Property(a => a.City).HasMaxLength(100);
        address.Property(a => a.Street).HasMaxLength(200);
        address.Property(a => a.Building).HasMaxLength(200);
        address.Property(a => a.Company).HasMaxLength(200);
        address.Property(a => a.Department).HasMaxLength(200);
        address.Property(a => a.Recipient).HasMaxLength(200);
        address.Property(a => a.Phone).HasMaxLength(30);
    }
}
