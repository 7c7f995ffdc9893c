using CustomerPortal.Identity.Account;
using CustomerPortal.Identity.Registration;
using CustomerPortal.Identity.Theming;

namespace CustomerPortal.Identity.Security;

public static class Throttling
{
    public static IServiceCollection AddPortalThrottling(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRateLimiter(options =>
        {
            options.AddSignInPolicy(configuration);
            options.AddRegistrationPolicy(configuration);
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = async (context, cancellationToken) =>
            {
                var messages = context.HttpContext.RequestServices.GetRequiredService<MessageBundle>();
                context.HttpContext.Response.Headers.RetryAfter = "60";
                context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                await context.HttpContext.Response.WriteAsync(messages["error.throttled"], cancellationToken);
            };
        });
        return services;
    }
}
