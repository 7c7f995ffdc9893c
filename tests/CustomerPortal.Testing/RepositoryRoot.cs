namespace CustomerPortal.Testing;

public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "CustomerPortal.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException("CustomerPortal.sln not found above the test output folder.");
    }
}
