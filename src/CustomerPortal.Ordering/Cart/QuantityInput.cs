using System.Globalization;
using CustomerPortal.Ordering.Catalog;

namespace CustomerPortal.Ordering.Cart;

/// <summary>A quantity as typed: full-width digits are accepted (Japanese input methods type them), 1 to the maximum.</summary>
public static class QuantityInput
{
    public static bool TryParse(string? text, out int quantity)
    {
        var normalized = (text ?? "").Normalize(System.Text.NormalizationForm.FormKC).Trim();
        return int.TryParse(normalized, NumberStyles.None, CultureInfo.InvariantCulture, out quantity)
            && quantity is >= 1 and <= SuppliesCatalog.MaxQuantity;
    }
}
