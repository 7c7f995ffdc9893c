using CustomerPortal.Support.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerPortal.Support.Inquiries;

/// <summary>お問い合わせフォーム: category, subject, details, send.</summary>
public sealed class NewInquiryModel(SupportContent content, InquiryDesk desk) : PageModel
{
    [BindProperty]
    public InquiryInput Input { get; set; } = new();

    public IReadOnlyList<InquiryCategory> Categories => content.Categories;
    public Dictionary<string, string> Errors { get; private set; } = [];

    public void OnGet(string? category)
    {
        Input.Category = content.Category(category ?? "")?.Code;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Errors = Input.Validate(content.Categories.Select(c => c.Code));
        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var inquiry = await desk.SubmitAsync(PortalCustomer.From(User), MessageBundle.LanguageOf(System.Globalization.CultureInfo.CurrentUICulture), Input);
        return Redirect($"/inquiries/{inquiry.Number}/sent");
    }
}
