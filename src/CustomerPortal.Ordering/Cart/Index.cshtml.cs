using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerPortal.Ordering.Cart;

public sealed class CartModel(ShoppingCart cart) : PageModel
{
    public IReadOnlyList<CartEntry> Entries { get; private set; } = [];
    public string? Error { get; private set; }

    private string UserId => PortalCustomer.From(User).Id;

    public async Task OnGetAsync() => Entries = await cart.ListAsync(UserId);

    public async Task<IActionResult> OnPostQuantityAsync(string? code, string? quantity)
    {
        if (!QuantityInput.TryParse(quantity, out var count))
        {
            Error = "ordering.error.quantity";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            Entries = await cart.ListAsync(UserId);
            return Page();
        }
        await cart.SetQuantityAsync(UserId, code ?? "", count);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemoveAsync(string? code)
    {
        await cart.RemoveAsync(UserId, code ?? "");
        return RedirectToPage();
    }
}
