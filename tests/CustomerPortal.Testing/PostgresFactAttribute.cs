namespace CustomerPortal.Testing;

/// <summary>
/// A test that only means something on PostgreSQL (several nodes sharing one database). Under a
/// plain <c>dotnet test</c> there is no cluster, so it is skipped and says why; tests/run starts
/// one and runs it.
/// </summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (PortalFactory.Postgres is null)
        {
            Skip = "Needs PostgreSQL: tests/run starts a private cluster and sets PORTAL_TEST_POSTGRES.";
        }
    }
}
