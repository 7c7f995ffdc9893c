namespace CustomerPortal.Contracts;

/// <summary>The IdP's maintenance switch as <see cref="PortalPaths.MaintenanceStatus"/> reports it.</summary>
public sealed record MaintenanceStatus(bool Enabled, string MessageJa, string MessageEn, DateTimeOffset? ExpectedEnd)
{
    public static readonly MaintenanceStatus Off = new(false, "", "", null);

    public string Message(string language) => language == "en" ? MessageEn : MessageJa;
}
