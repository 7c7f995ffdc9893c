using Microsoft.AspNetCore.Identity;

namespace CustomerPortal.Identity.Data;

/// <summary>
/// Identity builds its tables from <see cref="IdentityOptions"/> found through the DbContext's
/// service provider. The running portal has them (AccountSetup); `dotnet ef` builds the context
/// without the app, so its factories lend it this provider, or a migration would miss the passkeys.
/// </summary>
internal static class DesignTimeIdentity
{
    public static readonly Version SchemaVersion = IdentitySchemaVersions.Version3;

    public static readonly IServiceProvider Services = new ServiceCollection()
        .Configure<IdentityOptions>(options => options.Stores.SchemaVersion = SchemaVersion)
        .BuildServiceProvider();
}
