using System.Collections.Frozen;
using System.Globalization;
using System.Reflection;

namespace CustomerPortal.Identity.Account.Passwords;

/// <summary>
/// The password policy's rules, apart from Identity so that they are plain logic: which rules a
/// password breaks, as message keys with their arguments.
/// </summary>
public static class PasswordRules
{
    private static readonly Lazy<FrozenSet<string>> CommonPasswords = new(LoadCommonPasswords);

    /// <summary>The broken rules as message keys with their arguments.</summary>
    public static IEnumerable<(string Key, object?[] Arguments)> Broken(PasswordPolicyOptions policy, string password)
    {
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
