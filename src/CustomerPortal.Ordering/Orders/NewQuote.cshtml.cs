using CustomerPortal.Ordering.Addresses;
using CustomerPortal.Ordering.Cart;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerPortal.Ordering.Orders;

/// <summary>The cart becomes a quote, billed and delivered to entries of the user's address book at the IdP.</summary>
public sealed class NewQuoteModel(ShoppingCart cart, AddressBookClient addressBook, OrderDesk desk, ILogger<NewQuoteModel> logger) : PageModel
{
    public IReadOnlyList<AddressBookItem> Addresses { get; private set; } = [];
    public int ItemCount { get; private set; }
    public Guid? BillingId { get; private set; }
    public Guid? DeliveryId { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync() is { } redirect)
        {
            return redirect;
        }
        var first = Addresses.Count > 0 ? Addresses[0] : null;
        BillingId = (Addresses.FirstOrDefault(a => a.IsDefaultBilling) ?? first)?.Id;
        DeliveryId = (Addresses.FirstOrDefault(a => a.IsDefaultDelivery) ?? first)?.Id;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? billingId, Guid? deliveryId)
    {
        if (await LoadAsync() is { } redirect)
        {
            return redirect;
        }
        BillingId = billingId;
        DeliveryId = deliveryId;
        // The ids come back from the form; only entries the IdP just listed for this user count.
        var billing = Addresses.FirstOrDefault(a => a.Id == billingId);
        var delivery = Addresses.FirstOrDefault(a => a.Id == deliveryId);
        if (billing is null || delivery is null)
        {
            Error = "ordering.quote.chooseAddresses";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var order = await desk.QuoteCartAsync(PortalCustomer.From(User), billing, delivery);
        return order is null ? Redirect("/cart") : Redirect($"/orders/{order.Number}");
    }

    private async Task<IActionResult?> LoadAsync()
    {
        ItemCount = (await cart.ListAsync(PortalCustomer.From(User).Id)).Count;
        if (ItemCount == 0)
        {
            return Redirect("/cart");
        }
        try
        {
            Addresses = await addressBook.ListAsync(HttpContext.RequestAborted);
        }
        catch (AddressBookUnavailableException error)
        {
            logger.LogWarning("Address book unavailable: {Reason}", error.Message);
            Error = "ordering.quote.addressBookUnavailable";
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        }
        return null;
    }
}
