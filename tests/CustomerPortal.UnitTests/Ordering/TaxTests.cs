using CustomerPortal.Ordering.Orders;

namespace CustomerPortal.UnitTests.Ordering;

/// <summary>
/// Consumption tax as a Japanese invoice states it: computed once per document on the taxable
/// subtotal at 10 %, the fraction of a yen rounded down; postage funds are not taxed.
/// </summary>
public sealed class TaxTests
{
    private static Order OrderOf(params (long UnitPrice, int Quantity, bool Taxable)[] lines) => new()
    {
        Lines = [.. lines.Select((l, i) => new OrderLine { LineNumber = i + 1, UnitPrice = l.UnitPrice, Quantity = l.Quantity, Taxable = l.Taxable })],
    };

    [Theory]
    [InlineData(1_234, 123)]  // 123.4 → 123
    [InlineData(1_239, 123)]  // 123.9 → 123, never rounded up
    [InlineData(1_230, 123)]
    [InlineData(9, 0)]        // 0.9 → 0
    public void Tax_RoundsTheFractionDown(long subtotal, long expectedTax)
    {
        var order = OrderOf((subtotal, 1, true));
        Assert.Equal(expectedTax, order.Tax);
        Assert.Equal(subtotal + expectedTax, order.Total);
    }

    [Fact]
    public void Tax_IsComputedOnTheSubtotal_NotPerLine()
    {
        // Per line, 0.7 + 0.7 + 0.7 would round down to 0 three times; on the subtotal of 21 it is 2.
        var order = OrderOf((7, 1, true), (7, 1, true), (7, 1, true));
        Assert.Equal(2, order.Tax);
    }

    [Fact]
    public void PostageFunds_AreNotTaxed_ButCountInTheTotal()
    {
        var order = OrderOf((2_980, 3, true), (10_000, 1, false));

        Assert.Equal(8_940, order.TaxableSubtotal);
        Assert.Equal(10_000, order.NonTaxableSubtotal);
        Assert.Equal(894, order.Tax);
        Assert.Equal(8_940 + 10_000 + 894, order.Total);
    }
}
