using CustomerPortal.Ordering.Cart;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerPortal.Ordering.Catalog;

/// <summary>The supplies that fit the customer's machines, postage funds first.</summary>
public sealed class CatalogModel(SuppliesCatalog catalog, ShoppingCart cart) : PageModel
{
    public PortalCustomer Customer { get; private set; } = null!;
    public IReadOnlyList<CatalogItem> Items { get; private set; } = [];
    public string? Added { get; private set; }
    public string? Error { get; private set; }

    /// <summary>How many pieces the cart holds, for the cart link above the items.</summary>
    public int CartCount { get; private set; }

    public Task OnGetAsync() => LoadAsync();

    public async Task<IActionResult> OnPostAsync(string? code, string? quantity)
    {
        await LoadAsync();
        // Only what this customer's machines take can be ordered, whatever the form says.
        var item = Items.FirstOrDefault(i => i.Code == code);
        if (item is null)
        {
            Error = "ordering.error.unknownItem";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        if (!QuantityInput.TryParse(quantity, out var count))
        {
            Error = "ordering.error.quantity";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        await cart.AddAsync(Customer.Id, item, count);
        CartCount = await cart.CountAsync(Customer.Id);
        Added = item.Name(MessageBundle.LanguageOf(System.Globalization.CultureInfo.CurrentUICulture));
        return Page();
    }

    private async Task LoadAsync()
    {
        Customer = PortalCustomer.From(User);
        Items = catalog.ForModels(Customer.Models);
        CartCount = await cart.CountAsync(Customer.Id);
    }
}
