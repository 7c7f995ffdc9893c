namespace CustomerPortal.Testing;

/// <summary>Traits tests/run selects on.</summary>
public static class TestTraits
{
    /// <summary>The trait naming which storage a test runs on.</summary>
    public const string Storage = "Storage";

    /// <summary>
    /// The test sets its own storage (a production start on SQLite, say), so running it again in
    /// the PostgreSQL pass would only repeat it.
    /// </summary>
    public const string OwnStorage = "Own";

    /// <summary>
    /// The test only means something on PostgreSQL (several nodes sharing one database): the SQLite
    /// pass of tests/run leaves it out rather than showing it skipped.
    /// </summary>
    public const string PostgresOnly = "PostgresOnly";
}
