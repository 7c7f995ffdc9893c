namespace CustomerPortal.Identity.Audit;

/// <summary>
/// The audit log of security events: sign-in, the account lifecycle, account changes and staff
/// actions write it; staff read it at /staff/audit.
/// </summary>
public static class AuditSetup
{
    public static IServiceCollection AddPortalAudit(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<AuditLog>();
        services.AddOptions<AuditOptions>().Bind(configuration.GetSection(AuditOptions.Section))
            .Validate(o => o.RetentionDays > 0, "Audit:RetentionDays must be positive.").ValidateOnStart();
        services.AddHostedService<AuditRetention>();
        return services;
    }
}
