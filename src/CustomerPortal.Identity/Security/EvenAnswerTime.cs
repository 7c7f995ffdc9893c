using Microsoft.AspNetCore.Mvc.Filters;

namespace CustomerPortal.Identity.Security;

/// <summary>
/// Forms that must not tell whether an address is registered (forgot password, a fresh link,
/// registration) already answer with the same words either way; this makes them answer after
/// the same time too. A known address costs more work than an unknown one (a link written, a
/// mail queued, an account created), which a stopwatch would otherwise reveal. The answer of a
/// post is held back until <c>Security:MinimumAnswerTime</c> has passed since it arrived; the
/// load benchmark measures the medians of both kinds of address.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class EvenAnswerTimeAttribute : Attribute, IAsyncPageFilter
{
    public const string Setting = "Security:MinimumAnswerTime";
    private static readonly TimeSpan Default = TimeSpan.FromMilliseconds(400);

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var http = context.HttpContext;
        if (!HttpMethods.IsPost(http.Request.Method))
        {
            await next();
            return;
        }
        var clock = http.RequestServices.GetRequiredService<TimeProvider>();
        var floor = http.RequestServices.GetRequiredService<IConfiguration>().GetValue(Setting, Default);
        var arrived = clock.GetTimestamp();
        await next();
        var remaining = floor - clock.GetElapsedTime(arrived);
        if (remaining > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(remaining, clock, http.RequestAborted);
            }
            catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
            {
                // The client left; nobody is waiting for the answer.
            }
        }
    }
}
