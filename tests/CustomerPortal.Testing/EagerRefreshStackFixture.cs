namespace CustomerPortal.Testing;

/// <summary>
/// The three parts with apps that find their access token due on every request (they refresh
/// when it expires within a day, and it lives seconds): the apps' refresh is tested without
/// waiting for a token to age, which a fake clock cannot arrange across processes.
/// </summary>
public sealed class EagerRefreshStackFixture : PortalStackFixture
{
    protected override TimeSpan AppsRefreshBeforeExpiry => TimeSpan.FromDays(1);
}
