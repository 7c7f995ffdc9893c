using System.Globalization;
using CustomerPortal.Support.Inquiries;
using CustomerPortal.Support.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerPortal.Support.Staff;

/// <summary>Staff read an inquiry, reply (the customer is emailed) and set its status.</summary>
public sealed class ReplyModel(InquiryDesk desk, SupportContent content) : PageModel
{
    public Inquiry Inquiry { get; private set; } = null!;
    public bool Saved { get; private set; }
    public string CategoryName => content.Category(Inquiry.Category)?.Name(MessageBundle.LanguageOf(CultureInfo.CurrentUICulture)) ?? Inquiry.Category;

    public async Task<IActionResult> OnGetAsync(string number, bool saved = false)
    {
        if (await desk.FindAsync(number, null) is not { } inquiry)
        {
            return NotFound();
        }
        Inquiry = inquiry;
        Saved = saved;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string number, string? body, InquiryStatus status)
    {
        if (await desk.FindAsync(number, null) is not { } inquiry)
        {
            return NotFound();
        }
        if (body?.Trim().Length > InquiryInput.DetailsMaxLength || !Enum.IsDefined(status))
        {
            return BadRequest();
        }
        await desk.ReplyAsync(inquiry, PortalCustomer.From(User).Name, body, status);
        return RedirectToPage(new { number, saved = true });
    }
}
