using CustomerPortal.Identity.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerPortal.Identity.Account.Addresses;

/// <summary>The x of an address: asks before deleting.</summary>
public sealed class AddressDeleteModel(AddressBook book, UserManager<PortalUser> users) : PageModel
{
    public AddressBookEntry Entry { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await book.FindAsync(users.GetUserId(User)!, id) is not { } entry)
        {
            return NotFound();
        }
        Entry = entry;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id) =>
        await book.DeleteAsync(users.GetUserId(User)!, id) ? Redirect("/account/settings?saved=addressDeleted#addresses") : NotFound();
}
