using System.Globalization;
using CustomerPortal.Ordering.Orders;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace CustomerPortal.Ordering.Documents;

/// <summary>
/// A quote, delivery note or invoice as a printable page (the print stylesheet hides the app
/// around it) and, with /pdf, as a PDF download. The buyers of the company and staff may see it.
/// </summary>
public sealed class DocumentPageModel(OrderDesk desk, IOptions<SellerOptions> seller, MessageBundle messages, PdfDocumentRenderer pdf) : PageModel
{
    public OrderDocument Document { get; private set; } = null!;
    public string Number { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string number, string kind)
    {
        if (await LoadAsync(number, kind) is { } refusal)
        {
            return refusal;
        }
        return Page();
    }

    /// <summary>The same document as a PDF file.</summary>
    public async Task<IActionResult> OnGetPdfAsync(string number, string kind)
    {
        if (await LoadAsync(number, kind) is { } refusal)
        {
            return refusal;
        }
        return File(pdf.Render(Document), "application/pdf", Document.FileName);
    }

    private async Task<IActionResult?> LoadAsync(string number, string kind)
    {
        var owner = User.IsInRole(PortalRoles.Staff) ? null : PortalCustomer.From(User);
        if (OrderDocument.FromSlug(kind) is not { } documentKind
            || await desk.FindAsync(number, owner) is not { } order
            || !OrderDocument.IsAvailable(documentKind, order.Status))
        {
            return NotFound();
        }
        Number = order.Number;
        Document = OrderDocument.Create(documentKind, order, seller.Value, messages, CultureInfo.CurrentUICulture);
        return null;
    }
}
