using System.Diagnostics;
using System.Runtime.InteropServices;

namespace CustomerPortal.LoadTest;

/// <summary>
/// The IdP as the README's Production section deploys it: `dotnet publish` in Release with
/// ReadyToRun images, so that its code and its packages' start from precompiled code instead of
/// the JIT. Published once per benchmark run into the benchmark's own output folder.
/// </summary>
public static class PublishedIdentityProvider
{
    public static async Task<string> FolderAsync(string repositoryRoot)
    {
        var output = Path.Combine(AppContext.BaseDirectory, "published-idp");
        var publish = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = repositoryRoot,
        };
        foreach (var argument in new[]
                 {
                     "publish", Path.Combine("src", "CustomerPortal.Identity"), "-c", "Release", "-o", output, "--nologo", "-v", "q",
                     "-r", $"linux-{RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant()}", "--self-contained", "false",
                     "-p:PublishReadyToRun=true",
                 })
        {
            publish.ArgumentList.Add(argument);
        }
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(publish)!;
        var said = process.StandardOutput.ReadToEndAsync();
        var complained = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish of the IdP failed:\n{await said}\n{await complained}");
        }
        Console.WriteLine($"IdP published (Release, ReadyToRun) in {watch.Elapsed.TotalSeconds:F0} s");
        return output;
    }
}
