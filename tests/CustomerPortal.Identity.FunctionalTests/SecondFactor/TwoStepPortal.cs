using CustomerPortal.Testing;
using Microsoft.Extensions.Time.Testing;

namespace CustomerPortal.Identity.FunctionalTests.SecondFactor;

/// <summary>
/// The IdP as shipped for second factors (staff and admins must have one, the demo staff hold the
/// seeded keys), on a clock the tests move in 30-second steps, its mail going to a real SMTP server.
/// </summary>
public sealed class TwoStepPortal : PortalFactory, IAsyncLifetime
{
    public TwoStepPortal()
    {
        // Mid-step, so that "one step earlier" and "one step later" are whole steps away.
        var now = DateTimeOffset.UtcNow;
        Clock = new FakeTimeProvider(now.AddSeconds(15 - now.ToUnixTimeSeconds() % 30));
        DemoSecondFactors.RestoreInto(SeedFolder);
        Settings[DemoSecondFactors.RequirementSetting] = "staff,admin";
    }

    public SmtpServer Smtp { get; } = SmtpServer.Reserve();

    public string CodeNow(string key) => AuthenticatorCodes.At(key, Clock!.GetUtcNow());

    /// <summary>The next 30-second step: a code of the step before is spent.</summary>
    public void NextStep() => Clock!.Advance(TimeSpan.FromSeconds(30));

    public async Task InitializeAsync()
    {
        await Smtp.StartAsync();
        foreach (var (key, value) in Smtp.Settings)
        {
            Settings[key] = value;
        }
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await Smtp.DisposeAsync();
        await base.DisposeAsync();
    }
}
