using System.Globalization;
using CustomerPortal.Identity.Theming;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerPortal.Identity.Resources;

/// <summary>/resources/terms and /resources/privacy: the theme's document in the page's language.</summary>
[AllowAnonymous]
public sealed class LegalModel(LegalDocuments documents) : PageModel
{
    public string Name { get; private set; } = "";

    /// <summary>The document's blocks, consecutive list items grouped into one list.</summary>
    public IReadOnlyList<IReadOnlyList<GuideBlock>> Groups { get; private set; } = [];

    public string Language { get; private set; } = MessageBundle.DefaultLanguage;

    public IActionResult OnGet(string document)
    {
        if (documents.Find(document, MessageBundle.LanguageOf(CultureInfo.CurrentUICulture)) is not { } found)
        {
            return NotFound();
        }
        Name = document;
        Language = found.Language;
        var groups = new List<List<GuideBlock>>();
        foreach (var block in found.Blocks)
        {
            if (block.Kind == "li" && groups.Count > 0 && groups[^1][0].Kind == "li")
            {
                groups[^1].Add(block);
            }
            else
            {
                groups.Add([block]);
            }
        }
        Groups = groups;
        return Page();
    }
}
