using CustomerPortal.Identity.Audit;
using CustomerPortal.Identity.Data;
using CustomerPortal.Identity.Observability;
using Microsoft.AspNetCore.Identity;

namespace CustomerPortal.Identity.Account.SignIn;

/// <summary>
/// The password check of the sign-in form: wrong passwords are limited per account and per known
/// browser by <see cref="AttemptLimits"/>. Every refusal costs one password hash, whether the
/// address is unknown, the account locked or the password wrong, so the answer time does not tell
/// which (a known browser that must wait is told so, and learns nothing it did not know).
/// </summary>
public sealed class PasswordSignIn(
    SignInManager<PortalUser> signIn, IPasswordHasher<PortalUser> hasher, AttemptLimits limits, AuditLog audit, PortalMetrics metrics)
{
    // Hashed once per process: verifying against it costs what a real check costs.
    private static string? _decoyHash;

    public async Task<PasswordCheck> CheckAsync(PortalUser? user, string email, string password)
    {
        // A lock by staff holds for every browser; an account without a password cannot use one.
        if (user is null || user.IsStaffLocked || user.PasswordHash is null || !await signIn.CanSignInAsync(user))
        {
            SpendOneHash(password);
            metrics.SignIn(succeeded: false);
            await audit.WriteAsync(AuditEventType.SignInFailed, user?.Id, email, user is null ? "unknown address" : "password: cannot sign in");
            return new(PasswordVerdict.Refused);
        }
        return await limits.CheckAsync(user, "password", () => signIn.UserManager.CheckPasswordAsync(user, password),
            PortalMetrics.LockoutCause.FailedSignIns, whenNotChecked: () => SpendOneHash(password));
    }

    private void SpendOneHash(string password)
    {
        _decoyHash ??= hasher.HashPassword(new PortalUser(), Guid.NewGuid().ToString());
        hasher.VerifyHashedPassword(new PortalUser(), _decoyHash, password);
    }
}
