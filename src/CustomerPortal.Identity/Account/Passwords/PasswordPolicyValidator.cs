using System.Collections.Frozen;
using System.Globalization;
using System.Reflection;
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
    private static readonly Lazy<FrozenSet<string>> CommonPasswords = new(LoadCommonPasswords);

    public Task<IdentityResult> ValidateAsync(UserManager<PortalUser> manager, PortalUser user, string? password)
    {
        var errors = Check(password ?? "").Select(e => new IdentityError { Code = e.Key, Description = messages[e.Key, e.Arguments] }).ToList();
        return Task.FromResult(errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]));
    }

    /// <summary>The broken rules as message keys with their arguments.</summary>
    public IEnumerable<(string Key, object?[] Arguments)> Check(string password)
    {
        var policy = options.Value;
        if (password.Length < policy.MinLength || password.Length > policy.MaxLength)
        {
            yield return ("password.rule.length", [policy.MinLength, policy.MaxLength]);
        }
        var refused = password.FirstOrDefault(c => !policy.IsAllowed(c));
        if (refused != default)
        {
            yield return ("password.rule.characters", [refused.ToString(), policy.AllowedSymbols]);
        }
        if (policy.RequireUppercase && !password.Any(char.IsAsciiLetterUpper))
        {
            yield return ("password.rule.uppercase", []);
        }
        if (policy.RequireLowercase && !password.Any(char.IsAsciiLetterLower))
        {
            yield return ("password.rule.lowercase", []);
        }
        if (policy.RequireDigit && !password.Any(char.IsAsciiDigit))
        {
            yield return ("password.rule.digit", []);
        }
        if (policy.RejectCommonPasswords && CommonPasswords.Value.Contains(password.ToLowerInvariant()))
        {
            yield return ("password.rule.common", []);
        }
    }

    private static FrozenSet<string> LoadCommonPasswords()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("CustomerPortal.Identity.Account.Passwords.common-passwords.txt")
            ?? throw new InvalidOperationException("The common-password list is missing from the assembly.");
        using var reader = new StreamReader(stream);
        var words = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Trim() is { Length: > 0 } word && !word.StartsWith('#'))
            {
                words.Add(word.ToLower(CultureInfo.InvariantCulture));
            }
        }
        return words.ToFrozenSet();
    }
}
