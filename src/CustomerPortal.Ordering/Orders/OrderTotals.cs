namespace CustomerPortal.Ordering.Orders;

/// <summary>
/// The totals of an order as the order page and its documents both show them, the way a Japanese
/// invoice states them: the subtotal per tax rate, the tax on it, the untaxed postage value, the total.
/// </summary>
public static class OrderTotals
{
    public const string TotalKey = "document.total";

    /// <summary>Bundle key and amount of each row; the last row is the total.</summary>
    public static IReadOnlyList<(string LabelKey, long Amount)> Of(Order order)
    {
        var rows = new List<(string, long)>
        {
            ("document.taxableSubtotal", order.TaxableSubtotal),
            ("document.tax", order.Tax),
        };
        if (order.NonTaxableSubtotal > 0)
        {
            rows.Add(("document.nonTaxableSubtotal", order.NonTaxableSubtotal));
        }
        rows.Add((TotalKey, order.Total));
        return rows;
    }
}
