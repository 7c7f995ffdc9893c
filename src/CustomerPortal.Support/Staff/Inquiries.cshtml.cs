using CustomerPortal.Support.Inquiries;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerPortal.Support.Staff;

/// <summary>Every customer's inquiries for staff, open ones first, filterable by status.</summary>
public sealed class StaffInquiriesModel(InquiryDesk desk) : PageModel
{
    public InquiryStatus? Status { get; private set; }
    public IReadOnlyList<Inquiry> Inquiries { get; private set; } = [];

    public async Task OnGetAsync(InquiryStatus? status)
    {
        Status = status;
        Inquiries = await desk.AllAsync(status, 200);
    }
}
