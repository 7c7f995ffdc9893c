using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerPortal.Ordering;

/// <summary>The app's entry: buyers go to the catalog, staff to the orders to ship, anyone else learns which role is needed.</summary>
public sealed class IndexModel : PageModel
{
    public IActionResult OnGet() =>
        User.IsInRole(PortalRoles.SuppliesBuyer) ? Redirect("/catalog")
        : User.IsInRole(PortalRoles.Staff) ? Redirect("/staff/orders")
        : Redirect("/access-denied");
}
