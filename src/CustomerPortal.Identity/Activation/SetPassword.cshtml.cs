using Microsoft.AspNetCore.Authorization;

namespace CustomerPortal.Identity.Activation;

/// <summary>Step 2/3 link: the password under the policy, after which the account is active.</summary>
[AllowAnonymous]
public sealed class SetPasswordModel(ActivationLinks links, AccountLifecycle lifecycle, MessageBundle messages)
    : NewPasswordLinkPage(links, messages, LinkPurpose.SetPassword, "set-password")
{
    protected override Task<LinkOutcome> SetAsync(string? token, string password) => lifecycle.SetPasswordAsync(token, password);
}
