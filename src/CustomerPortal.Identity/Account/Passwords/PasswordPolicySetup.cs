using CustomerPortal.Identity.Data;
using Microsoft.AspNetCore.Identity;

namespace CustomerPortal.Identity.Account.Passwords;

public static class PasswordPolicySetup
{
    public static IServiceCollection AddPortalPasswordPolicy(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PasswordPolicyOptions>()
            .Bind(configuration.GetSection(PasswordPolicyOptions.Section))
            .Validate(o => o.MinLength >= 1 && o.MaxLength >= o.MinLength,
                "PasswordPolicy:MinLength must be at least 1 and PasswordPolicy:MaxLength at least MinLength.")
            .ValidateOnStart();
        services.AddScoped<IPasswordValidator<PortalUser>, PasswordPolicyValidator>();
        services.Configure<IdentityOptions>(options =>
        {
            // Identity's own rules would repeat ours in other words; ours are the only ones.
            options.Password.RequiredLength = 1;
            options.Password.RequireDigit = false;
            options.Password.RequireLowercase = false;
            options.Password.RequireUppercase = false;
            options.Password.RequireNonAlphanumeric = false;
            options.Password.RequiredUniqueChars = 1;
        });
        return services;
    }
}
