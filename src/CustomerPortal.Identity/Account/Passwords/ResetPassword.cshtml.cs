using CustomerPortal.Identity.Activation;
using CustomerPortal.Identity.Theming;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace CustomerPortal.Identity.Account.Passwords;

/// <summary>The reset link: a new password under the policy; every session and app signs in again afterwards.</summary>
[AllowAnonymous]
public sealed class ResetPasswordModel(ActivationLinks links, PasswordChanges passwords, SignInManager<Data.PortalUser> signIn, MessageBundle messages)
    : NewPasswordLinkPage(links, messages, LinkPurpose.ResetPassword, "reset-password")
{
    protected override Task<LinkOutcome> SetAsync(string? token, string password) => passwords.ResetAsync(token, password);

    // This browser's session, if any, belonged to the old password too.
    protected override Task AfterSetAsync() => signIn.SignOutAsync();
}
