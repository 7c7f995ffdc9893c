using CustomerPortal.Support.Shared;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerPortal.Support.Inquiries;

/// <summary>お問い合わせ履歴: the customer's inquiries, newest first, with their status.</summary>
public sealed class HistoryModel(InquiryDesk desk) : PageModel
{
    public IReadOnlyList<Inquiry> Inquiries { get; private set; } = [];

    public async Task OnGetAsync() => Inquiries = await desk.HistoryAsync(PortalCustomer.From(User).Id);
}
