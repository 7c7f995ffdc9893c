using CustomerPortal.Support.Shared;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerPortal.Support.Faq;

/// <summary>製品別・よくあるお問い合わせ: the questions by product, the customer's own machines first.</summary>
public sealed class FaqModel(SupportContent content) : PageModel
{
    public IReadOnlyCollection<string> OwnModels { get; private set; } = [];
    public IReadOnlyList<(string Model, IReadOnlyList<FaqEntry> Entries)> Groups { get; private set; } = [];

    public void OnGet()
    {
        OwnModels = PortalCustomer.From(User).Models;
        Groups = [.. content.FaqByProduct(OwnModels)];
    }
}
