using CustomerPortal.Identity.Account.SecondFactor;
using CustomerPortal.Identity.Account.SignIn;
using CustomerPortal.Identity.Connect;
using CustomerPortal.Identity.Connect.Sessions;
using CustomerPortal.Identity.Data;
using CustomerPortal.Identity.Observability;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Options;

namespace CustomerPortal.Identity.Staff;

/// <summary>What the step-up form re-posts: the action's address, every field as typed, and an error to show.</summary>
public sealed record StaffStepUpForm(
    string Action, IReadOnlyList<KeyValuePair<string, string>> Fields, string? ErrorKey, object[] ErrorArguments, bool HasAuthenticator, bool HasPasskeys);

/// <summary>
/// Every staff console action (a POST under /staff) by an account with a second factor needs one
/// proved within <see cref="SecondFactorOptions.StaffStepUpWindow"/>: a session left open at a desk
/// cannot approve, lock or switch maintenance. Past the window the action answers with a form
/// asking for a code (or a passkey) that carries everything typed; posted with a right code, the
/// same action runs at once. (An account without a second factor exists only where the operator removed the
/// requirement; it has nothing to step up with.)
/// </summary>
public sealed class StaffStepUpFilter : IAsyncPageFilter
{
    public const string CodeField = "__StepUpCode";
    public const string PasskeyField = "__StepUpPasskey";

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var http = context.HttpContext;
        var services = http.RequestServices;
        if (!HttpMethods.IsPost(http.Request.Method)
            || await services.GetRequiredService<UserManager<PortalUser>>().GetUserAsync(http.User) is not { } user
            || IsRecent(AuthenticationMethods.SecondFactorTimeOf(http.User), services))
        {
            await next();
            return;
        }
        var hasPasskeys = await services.GetRequiredService<Account.Passkeys.AccountPasskeys>().AnyAsync(user);
        if (!user.TwoFactorEnabled && !hasPasskeys)
        {
            await next();
            return;
        }

        string? errorKey = null;
        object[] errorArguments = [];
        if (http.Request.HasFormContentType && http.Request.Form.TryGetValue(PasskeyField, out var answer) && hasPasskeys)
        {
            if (await services.GetRequiredService<Account.Passkeys.PasskeySignIn>().VerifyAsync(answer, user) is { } proof)
            {
                await services.GetRequiredService<SignInManager<PortalUser>>().StepUpAsync(user, proof.Methods);
                await next();
                return;
            }
            errorKey = "passkey.error.failed";
        }
        else if (http.Request.HasFormContentType && http.Request.Form.TryGetValue(CodeField, out var code))
        {
            var authenticator = services.GetRequiredService<AuthenticatorApp>();
            var check = await services.GetRequiredService<AttemptLimits>().CheckAsync(
                user, "staff step-up code", () => authenticator.VerifyAsync(user, code), PortalMetrics.LockoutCause.SecondFactor);
            if (check.Verdict == PasswordVerdict.Correct)
            {
                await services.GetRequiredService<SignInManager<PortalUser>>().StepUpAsync(
                    user, [AuthenticationMethods.OneTimeCode, AuthenticationMethods.MultiFactor]);
                await next();
                return;
            }
            if (check.Verdict == PasswordVerdict.BrowserWaits)
            {
                errorKey = "login.error.wait";
                errorArguments = [(int)Math.Ceiling(check.Wait.TotalMinutes)];
            }
            else
            {
                errorKey = "twoStep.error.wrongCode";
            }
        }
        context.Result = StepUpView(context, new StaffStepUpForm("", [], errorKey, errorArguments, user.TwoFactorEnabled, hasPasskeys));
    }

    private static bool IsRecent(DateTimeOffset? provedAt, IServiceProvider services) =>
        provedAt is { } at
        && services.GetRequiredService<TimeProvider>().GetUtcNow() - at <= services.GetRequiredService<IOptions<SecondFactorOptions>>().Value.StaffStepUpWindow;

    private static ViewResult StepUpView(PageHandlerExecutingContext context, StaffStepUpForm asked)
    {
        var request = context.HttpContext.Request;
        var fields = request.HasFormContentType
            ? request.Form.Where(field => field.Key is not (CodeField or PasskeyField or "PasskeyError"))
                .SelectMany(field => field.Value.Select(value => new KeyValuePair<string, string>(field.Key, value ?? ""))).ToList()
            : [];
        var form = asked with { Action = $"{request.PathBase}{request.Path}{request.QueryString}", Fields = fields };
        var metadata = context.HttpContext.RequestServices.GetRequiredService<IModelMetadataProvider>();
        return new ViewResult
        {
            ViewName = "/Staff/_StepUp.cshtml",
            ViewData = new ViewDataDictionary<StaffStepUpForm>(metadata, new ModelStateDictionary()) { Model = form },
        };
    }
}
