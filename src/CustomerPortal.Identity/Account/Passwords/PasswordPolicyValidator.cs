using CustomerPortal.Identity.Data;
using CustomerPortal.Identity.Theming;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CustomerPortal.Identity.Account.Passwords;

/// <summary>
/// The password policy on the server. Each broken rule is its own error whose code is the
/// message key and whose description is the text in the user's language; a refused character
/// is named.
/// </summary>
public sealed class PasswordPolicyValidator(IOptions<PasswordPolicyOptions> options, MessageBundle messages) : IPasswordValidator<PortalUser>
{
    public Task<IdentityResult> ValidateAsync(UserManager<PortalUser> manager, PortalUser user, string? password)
    {
        var errors = PasswordRules.Broken(options.Value, password ?? "")
            .Select(e => new IdentityError { Code = e.Key, Description = messages[e.Key, e.Arguments] })
            .ToList();
        return Task.FromResult(errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]));
    }
}
