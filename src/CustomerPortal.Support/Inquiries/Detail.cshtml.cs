using CustomerPortal.Support.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerPortal.Support.Inquiries;

/// <summary>One inquiry with the staff's replies; the customer may add to it until it is closed.</summary>
public sealed class DetailModel(InquiryDesk desk, SupportContent content) : PageModel
{
    public Inquiry Inquiry { get; private set; } = null!;
    public string? Error { get; private set; }

    public string CategoryName(string language) => content.Category(Inquiry.Category)?.Name(language) ?? Inquiry.Category;

    public async Task<IActionResult> OnGetAsync(string number)
    {
        if (await desk.FindAsync(number, PortalCustomer.From(User).Id) is not { } inquiry)
        {
            return NotFound();
        }
        Inquiry = inquiry;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string number, string? body)
    {
        var customer = PortalCustomer.From(User);
        if (await desk.FindAsync(number, customer.Id) is not { } inquiry)
        {
            return NotFound();
        }
        Inquiry = inquiry;
        if (!await desk.FollowUpAsync(inquiry, customer, body))
        {
            Error = "support.detail.error";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        return RedirectToPage(new { number });
    }
}
