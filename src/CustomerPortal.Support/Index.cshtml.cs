using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerPortal.Support;

/// <summary>The app's entry: staff go to the inquiries to answer, customers to their history.</summary>
public sealed class IndexModel : PageModel
{
    public IActionResult OnGet() => Redirect(User.IsInRole(PortalRoles.Staff) ? "/staff/inquiries" : "/inquiries");
}
