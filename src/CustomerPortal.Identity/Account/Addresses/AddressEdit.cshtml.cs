using CustomerPortal.Identity.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerPortal.Identity.Account.Addresses;

/// <summary>宛先の新規登録 and editing with the pencil.</summary>
public sealed class AddressEditModel(AddressBook book, UserManager<PortalUser> users) : PageModel
{
    [BindProperty]
    public AddressInput Input { get; set; } = new();

    public Guid? Id { get; private set; }
    public FieldErrors Errors { get; private set; } = new();
    public string? FormErrorKey { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? id)
    {
        Id = id;
        if (id is { } existing)
        {
            if (await book.FindAsync(users.GetUserId(User)!, existing) is not { } entry)
            {
                return NotFound();
            }
            Input = AddressInput.From(entry);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id)
    {
        Id = id;
        Input.Normalize();
        Errors = Input.Validate();
        if (!Errors.IsEmpty)
        {
            FormErrorKey = "register.error.summary";
            return Page();
        }
        var userId = users.GetUserId(User)!;
        if (id is { } existing)
        {
            return await book.UpdateAsync(userId, existing, Input) is null ? NotFound() : Redirect("/account/settings?saved=address#addresses");
        }
        if (await book.CreateAsync(userId, Input) is null)
        {
            FormErrorKey = "address.error.full";
            return Page();
        }
        return Redirect("/account/settings?saved=address#addresses");
    }
}
