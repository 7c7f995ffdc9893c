namespace CustomerPortal.RelyingApps.Tests;

/// <summary>The relying-app tests share one running portal (IdP, ordering, support as processes): starting it costs seconds.</summary>
[CollectionDefinition(PortalStackFixture.Collection)]
public sealed class PortalStackCollection : ICollectionFixture<PortalStackFixture>;
