using CustomerPortal.Identity.Machines;
using CustomerPortal.Identity.Registration;

namespace CustomerPortal.Identity.Activation;

public static class ActivationSetup
{
    public static IServiceCollection AddPortalActivation(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RegistrationOptions>()
            .Bind(configuration.GetSection(RegistrationOptions.Section))
            .Validate(o => o.VerifyEmailLinkLifetime > TimeSpan.Zero && o.SetPasswordLinkLifetime > TimeSpan.Zero,
                "Registration:VerifyEmailLinkLifetime and Registration:SetPasswordLinkLifetime must be positive.")
            .Validate(o => o.PerAddressPerHour > 0 && o.PerSerialPerDay > 0,
                "Registration:PerAddressPerHour and Registration:PerSerialPerDay must be positive.")
            .Validate(o => o.MailsPerRecipientPerHour > 0, "Registration:MailsPerRecipientPerHour must be positive.")
            .ValidateOnStart();
        services.AddHttpContextAccessor();
        services.AddScoped<ActivationLinks>();
        services.AddScoped<LinkAddress>();
        services.AddScoped<DeviceRegistry>();
        services.AddScoped<ActivationMails>();
        services.AddScoped<AccountLifecycle>();
        services.AddScoped<Registration.RegistrationMails>();
        services.AddScoped<Registration.Registrations>();
        return services;
    }
}
