using CustomerPortal.Testing;

namespace CustomerPortal.Identity.FunctionalTests.Registration;

/// <summary>The IdP in memory, delivering its mail to a real SMTP server on loopback, named as in the customer's guide.</summary>
public sealed class MailPortalFactory : PortalFactory, IAsyncLifetime
{
    public const string PortalNameJa = "ピツニーボウズカスタマーポータル";
    public const string PortalNameEn = "Pitney Bowes Customer Portal";

    public SmtpServer Smtp { get; } = SmtpServer.Reserve();

    public async Task InitializeAsync()
    {
        await Smtp.StartAsync();
        foreach (var (key, value) in Smtp.Settings)
        {
            Settings[key] = value;
        }
        Settings["Portal:Name:ja"] = PortalNameJa;
        Settings["Portal:Name:en"] = PortalNameEn;
        Settings["Registration:PerAddressPerHour"] = "1000";
        // The demo serials are shared by many tests here; SerialThrottlingTests checks the real limit.
        Settings["Registration:PerSerialPerDay"] = "1000";
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await Smtp.DisposeAsync();
        await base.DisposeAsync();
    }
}
