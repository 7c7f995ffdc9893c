using CustomerPortal.Identity.Connect.Sessions;
using CustomerPortal.Identity.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerPortal.Identity.Account.Passwords;

/// <summary>
/// パスワードの変更 (guide section 6): the guide's way sends a reset link to the registered
/// address; a user who knows the current password can also change it here directly.
/// </summary>
public sealed class ChangePasswordModel(UserManager<PortalUser> users, SignInManager<PortalUser> signIn, PasswordChanges passwords) : PageModel
{
    [BindProperty]
    public string? CurrentPassword { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public string? ConfirmPassword { get; set; }

    public string Email { get; private set; } = "";
    public IReadOnlyList<string> PasswordErrors { get; private set; } = [];
    public string? ConfirmErrorKey { get; private set; }
    public string? CurrentErrorKey { get; private set; }
    public bool Changed { get; private set; }

    public async Task OnGetAsync() => Email = (await users.GetUserAsync(User))?.Email ?? "";

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User) ?? throw new InvalidOperationException("The signed-in user no longer exists.");
        Email = user.Email ?? "";
        if (string.IsNullOrEmpty(CurrentPassword))
        {
            CurrentErrorKey = "settings.error.currentPassword";
            return Page();
        }
        if (Password != ConfirmPassword || string.IsNullOrEmpty(Password))
        {
            ConfirmErrorKey = "setPassword.error.mismatch";
            return Page();
        }
        var result = await passwords.ChangeAsync(user, CurrentPassword, Password, User.FindFirst(PortalClaimTypes.SessionId)?.Value);
        if (!result.Succeeded)
        {
            CurrentErrorKey = result.Errors.Select(e => e.Code).FirstOrDefault(code => code is nameof(IdentityErrorDescriber.PasswordMismatch)
                    or PasswordChanges.LockedOutCode or PasswordChanges.ThrottledCode) switch
            {
                nameof(IdentityErrorDescriber.PasswordMismatch) => "settings.error.currentPassword",
                PasswordChanges.LockedOutCode => "settings.error.currentPasswordLocked",
                PasswordChanges.ThrottledCode => "error.throttled",
                _ => null,
            };
            if (CurrentErrorKey is null)
            {
                PasswordErrors = [.. result.Errors.Select(e => e.Description)];
            }
            return Page();
        }
        // This session goes on under the new stamp, as the same session; the others end.
        await signIn.RenewAsync(user);
        Changed = true;
        return Page();
    }
}
