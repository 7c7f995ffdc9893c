using CustomerPortal.Support.Inquiries;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerPortal.Support;

/// <summary>
/// The app's home: a customer sees their inquiries still open (received, in progress, answered) and the
/// ways to ask; staff go to the inquiries to answer.
/// </summary>
public sealed class IndexModel(InquiryDesk desk) : PageModel
{
    public IReadOnlyList<Inquiry> OpenInquiries { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (User.IsInRole(PortalRoles.Staff))
        {
            return Redirect("/staff/inquiries");
        }
        OpenInquiries = await desk.OpenAsync(PortalCustomer.From(User).Id);
        return Page();
    }
}
