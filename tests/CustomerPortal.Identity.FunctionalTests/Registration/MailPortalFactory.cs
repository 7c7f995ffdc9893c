using CustomerPortal.Testing;

namespace CustomerPortal.Identity.FunctionalTests.Registration;

/// <summary>The IdP in memory, delivering its mail to a real SMTP server on loopback, named as in the customer's guide.</summary>
public sealed class MailPortalFactory : PortalFactory, IAsyncLifetime
{
    public const string PortalNameJa = "ピツニーボウズカスタマーポータル";
    public const string PortalNameEn = "Pitney Bowes Customer Portal";

    /// <summary>The desk this deployment's mails name (Portal:Contact:*), not the default of the theme.</summary>
    public const string ContactNameJa = "ピツニーボウズジャパン株式会社 カスタマーポータル登録窓口";
    public const string ContactNameEn = "Pitney Bowes Japan, Customer Portal registration desk";
    public const string ContactEmail = "cp-desk@example.co.jp";

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
        Settings["Portal:Contact:Name:ja"] = ContactNameJa;
        Settings["Portal:Contact:Name:en"] = ContactNameEn;
        Settings["Portal:Contact:Email"] = ContactEmail;
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
