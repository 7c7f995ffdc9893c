using CustomerPortal.Support.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerPortal.Support.Inquiries;

/// <summary>The confirmation after sending: the reception number and the acknowledgement email.</summary>
public sealed class SentModel(InquiryDesk desk) : PageModel
{
    public Inquiry Inquiry { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string number)
    {
        if (await desk.FindAsync(number, PortalCustomer.From(User).Id) is not { } inquiry)
        {
            return NotFound();
        }
        Inquiry = inquiry;
        return Page();
    }
}
