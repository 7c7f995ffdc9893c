using CustomerPortal.Identity.Connect.Sessions;
using CustomerPortal.Identity.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerPortal.Identity.Account.Passkeys;

/// <summary>
/// Account settings → 2段階認証 → パスキー: the account's passkeys with when each was added and last
/// used; add one (the browser's prompt), rename, remove (with the password, as turning off the
/// authenticator app). Removing one ends the user's other sessions and keeps this one.
/// </summary>
public sealed class PasskeysModel(
    UserManager<PortalUser> users, SignInManager<PortalUser> signIn, AccountPasskeys passkeys, CurrentPasswordCheck currentPassword) : PageModel
{
    public const string Path = "/account/passkeys";

    [BindProperty]
    public string? PasskeyAnswer { get; set; }

    [BindProperty]
    public string? PasskeyError { get; set; }

    [BindProperty]
    public string? PasskeyName { get; set; }

    [BindProperty]
    public string? Id { get; set; }

    [BindProperty]
    public string? CurrentPassword { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    public IReadOnlyList<PasskeyView> List { get; private set; } = [];
    public string? ErrorKey { get; private set; }

    /// <summary>The passkey whose removal was refused, and why (the password).</summary>
    public string? RemoveErrorId { get; private set; }
    public string? RemoveErrorKey { get; private set; }

    public string? StatusKey => Done switch
    {
        "added" => "passkey.added",
        "renamed" => "passkey.renamed",
        "removed" => "passkey.removed",
        _ => null,
    };

    public async Task OnGetAsync() => List = await passkeys.ListAsync(await CurrentUserAsync());

    public async Task<IActionResult> OnPostAddAsync()
    {
        var user = await CurrentUserAsync();
        var added = (await passkeys.AddAsync(user, PasskeyAnswer, PasskeyError, PasskeyName)).Outcome;
        if (added == PasskeyAdded.Added)
        {
            return RedirectToPage(new { Done = "added" });
        }
        ErrorKey = added == PasskeyAdded.TooMany ? "passkey.error.tooMany"
            : PasskeyError == "exists" ? "passkey.error.exists"
            : PasskeySignIn.ErrorKeyOf(PasskeyError);
        List = await passkeys.ListAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostRenameAsync()
    {
        var user = await CurrentUserAsync();
        return await passkeys.RenameAsync(user, Id, PasskeyName) ? RedirectToPage(new { Done = "renamed" }) : NotFound();
    }

    public async Task<IActionResult> OnPostRemoveAsync()
    {
        var user = await CurrentUserAsync();
        RemoveErrorKey = await currentPassword.ErrorKeyOfAsync(user, CurrentPassword);
        if (RemoveErrorKey is null)
        {
            if (!await passkeys.RemoveAsync(user, Id))
            {
                return NotFound();
            }
            // The security stamp changed: this browser's cookie follows it, the others end.
            await signIn.RenewAsync(user);
            return RedirectToPage(new { Done = "removed" });
        }
        RemoveErrorId = Id;
        List = await passkeys.ListAsync(user);
        return Page();
    }

    private async Task<PortalUser> CurrentUserAsync() =>
        await users.GetUserAsync(User) ?? throw new InvalidOperationException("The signed-in user no longer exists.");
}
