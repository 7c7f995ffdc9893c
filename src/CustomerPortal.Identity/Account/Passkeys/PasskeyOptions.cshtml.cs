using CustomerPortal.Identity.Account.SignIn;
using CustomerPortal.Identity.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerPortal.Identity.Account.Passkeys;

/// <summary>
/// The WebAuthn options a page's script hands to the browser (passkeys.js), as JSON. Whose
/// passkeys they are for is said by <see cref="For"/>: anyone's on the sign-in page, the pending
/// sign-in's user after the password, or the signed-in user's (step-up, adding one). A POST, so
/// the antiforgery token guards it like every form.
/// </summary>
[AllowAnonymous]
public sealed class PasskeyOptionsModel(PasskeyCeremony ceremony, PendingSignIn pending, UserManager<PortalUser> users) : PageModel
{
    public const string Path = "/account/passkeys/options";

    public static class Whose
    {
        public const string Anyone = "sign-in";
        public const string PendingSignIn = "pending";
        public const string SignedIn = "session";
    }

    [BindProperty(SupportsGet = true)]
    public string? For { get; set; }

    public static string RequestUrl(string whose) => $"{Path}?handler=request&for={whose}";

    public static string CreationUrl(string whose) => $"{Path}?handler=create&for={whose}";

    public IActionResult OnGet() => NotFound();

    public async Task<IActionResult> OnPostRequestAsync()
    {
        if (For == Whose.Anyone)
        {
            return Json(await ceremony.RequestOptionsAsync(null));
        }
        return await UserAsync() is { } user ? Json(await ceremony.RequestOptionsAsync(user)) : Unauthorized();
    }

    public async Task<IActionResult> OnPostCreateAsync() =>
        await UserAsync() is { } user ? Json(await ceremony.CreationOptionsAsync(user)) : Unauthorized();

    private async Task<PortalUser?> UserAsync() => For switch
    {
        Whose.PendingSignIn => await pending.UserAsync(),
        Whose.SignedIn when User.Identity?.IsAuthenticated == true => await users.GetUserAsync(User),
        _ => null,
    };

    private ContentResult Json(string json) => Content(json, "application/json");
}
