using System.Text.Json;
using CustomerPortal.Identity.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

namespace CustomerPortal.Identity.Account.Passkeys;

/// <summary>
/// One WebAuthn ceremony of this browser: the options (challenge) handed to it and the answer
/// checked against them by Identity's passkey handler. The challenge waits in a cookie of its own,
/// signed and short-lived: Identity's SignInManager would keep it in the two-factor cookie, which
/// here holds a sign-in whose password was right, and a passkey prompt must not end that.
/// </summary>
public sealed class PasskeyCeremony(
    IPasskeyHandler<PortalUser> handler, IHttpContextAccessor http, IDataProtectionProvider protection, TimeProvider clock, IHostEnvironment environment)
{
    public const string CookieName = "portal.passkey";

    /// <summary>As long as a browser's prompt waits for the user (IdentityPasskeyOptions.AuthenticatorTimeout), and a little more.</summary>
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(6);

    // A WebAuthn answer is a few kilobytes; anything much larger is not one.
    private const int MostAnswerLength = 12 * 1024;

    private readonly IDataProtector _protector = protection.CreateProtector("CustomerPortal.Account.Passkeys.Ceremony");

    private HttpContext Context => http.HttpContext ?? throw new InvalidOperationException("A passkey ceremony happens within a request.");

    /// <summary>Options to create a passkey for <paramref name="user"/> (the browser leaves out those it already holds).</summary>
    public async Task<string> CreationOptionsAsync(PortalUser user)
    {
        var options = await handler.MakeCreationOptionsAsync(
            new PasskeyUserEntity { Id = user.Id, Name = user.Email!, DisplayName = user.DisplayName }, Context);
        Remember(new State(Operation.Creation, user.Id, options.AttestationState, clock.GetUtcNow()));
        return options.CreationOptionsJson;
    }

    /// <summary>
    /// Options to sign in with a passkey: of <paramref name="user"/> (only theirs are offered), or of
    /// anyone when null (the sign-in page: the browser offers what it holds, and nothing says whether an address has passkeys).
    /// </summary>
    public async Task<string> RequestOptionsAsync(PortalUser? user)
    {
        var options = await handler.MakeRequestOptionsAsync(user, Context);
        Remember(new State(Operation.Request, user?.Id, options.AssertionState, clock.GetUtcNow()));
        return options.RequestOptionsJson;
    }

    /// <summary>Checks a new passkey of <paramref name="user"/> against the options this browser was given; the options are used up.</summary>
    public async Task<PasskeyAttestationResult> AttestAsync(PortalUser user, string? answer)
    {
        if (Take(Operation.Creation, user.Id) is not { } state)
        {
            return PasskeyAttestationResult.Fail(new PasskeyException("No passkey creation is under way in this browser (or it took too long)."));
        }
        if (!IsPlausible(answer))
        {
            return PasskeyAttestationResult.Fail(new PasskeyException("The browser sent no passkey."));
        }
        var result = await handler.PerformAttestationAsync(
            new PasskeyAttestationContext { HttpContext = Context, CredentialJson = answer!, AttestationState = state.HandlerState });
        return result.Succeeded && result.UserEntity.Id != user.Id
            ? PasskeyAttestationResult.Fail(new PasskeyException("The passkey was made for another account."))
            : result;
    }

    /// <summary>
    /// Checks a passkey's signature against the options this browser was given; the options are used
    /// up. With <paramref name="expected"/>, the passkey must be that user's.
    /// </summary>
    public async Task<PasskeyAssertionResult<PortalUser>> AssertAsync(string? answer, PortalUser? expected = null)
    {
        if (Take(Operation.Request, expected?.Id) is not { } state)
        {
            return PasskeyAssertionResult.Fail<PortalUser>(new PasskeyException("No passkey sign-in is under way in this browser (or it took too long)."));
        }
        if (!IsPlausible(answer))
        {
            return PasskeyAssertionResult.Fail<PortalUser>(new PasskeyException("The browser sent no passkey."));
        }
        var result = await handler.PerformAssertionAsync(
            new PasskeyAssertionContext { HttpContext = Context, CredentialJson = answer!, AssertionState = state.HandlerState });
        return result.Succeeded && expected is not null && result.User.Id != expected.Id
            ? PasskeyAssertionResult.Fail<PortalUser>(new PasskeyException("The passkey belongs to another account."))
            : result;
    }

    private static bool IsPlausible(string? answer) => !string.IsNullOrWhiteSpace(answer) && answer.Length <= MostAnswerLength;

    private void Remember(State state)
    {
        Context.Response.Cookies.Append(CookieName, _protector.Protect(JsonSerializer.Serialize(state)), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            // Plain HTTP exists only in Development on loopback, as for the other cookies.
            Secure = !environment.IsDevelopment() || Context.Request.IsHttps,
            Path = "/",
            MaxAge = Lifetime,
        });
    }

    /// <summary>The ceremony under way, if it is of this kind, for this user, and recent; a ceremony is answered once.</summary>
    private State? Take(Operation operation, string? userId)
    {
        if (Context.Request.Cookies[CookieName] is not { Length: > 0 } value)
        {
            return null;
        }
        Context.Response.Cookies.Delete(CookieName, new CookieOptions { Path = "/" });
        State? state;
        try
        {
            state = JsonSerializer.Deserialize<State>(_protector.Unprotect(value));
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or JsonException)
        {
            return null;
        }
        return state is not null && state.Operation == operation && state.UserId == userId
            && clock.GetUtcNow() - state.IssuedAt is var age && age >= TimeSpan.Zero && age <= Lifetime
            ? state
            : null;
    }

    private enum Operation { Creation, Request }

    private sealed record State(Operation Operation, string? UserId, string? HandlerState, DateTimeOffset IssuedAt);
}
