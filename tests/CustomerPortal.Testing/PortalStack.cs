using System.Diagnostics;
using System.Text;

namespace CustomerPortal.Testing;

/// <summary>One part of the portal: its project and the loopback port it listens on.</summary>
public sealed record PortalPart(string Name, string Project, int Port, string ReadyPath)
{
    public Uri Address => new($"http://localhost:{Port}/");
}

/// <summary>What a stack is started with.</summary>
public sealed class PortalStackOptions
{
    /// <summary>The repository (holds CustomerPortal.sln, src/, seed/, themes/).</summary>
    public required string RepositoryRoot { get; init; }

    /// <summary>Each part's data folder is a sub-folder of this one.</summary>
    public required string DataRoot { get; init; }

    public int IdentityPort { get; init; } = 5101;
    public int OrderingPort { get; init; } = 5102;
    public int SupportPort { get; init; } = 5103;

    /// <summary>Debug or Release: the build whose output is run (the tests' own).</summary>
    public string Configuration { get; init; } = BuildConfiguration;

    /// <summary>Extra settings per part name ("identity", "ordering", "support"), as configuration keys.</summary>
    public Dictionary<string, Dictionary<string, string>> Settings { get; init; } = [];

    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(90);

#if DEBUG
    private const string BuildConfiguration = "Debug";
#else
    private const string BuildConfiguration = "Release";
#endif
}

/// <summary>
/// The IdP and both relying apps as three processes on loopback, in Development, wired to each
/// other (authority, links, mail folder) as the AppHost wires them, each run from its own build
/// output as an operator runs it. Used by the relying-app tests and the journeys, on free ports.
/// </summary>
public sealed class PortalStack : IAsyncDisposable
{
    private readonly List<(PortalPart Part, Process Process, StringBuilder Output)> _running = [];

    private PortalStack(PortalStackOptions options)
    {
        Identity = new PortalPart("identity", "CustomerPortal.Identity", options.IdentityPort, "health/ready");
        Ordering = new PortalPart("ordering", "CustomerPortal.Ordering", options.OrderingPort, "health/live");
        Support = new PortalPart("support", "CustomerPortal.Support", options.SupportPort, "health/live");
    }

    public PortalPart Identity { get; }
    public PortalPart Ordering { get; }
    public PortalPart Support { get; }
    public IEnumerable<PortalPart> Parts => [Identity, Ordering, Support];

    /// <summary>What a part has printed so far, for a failing test's message.</summary>
    public string OutputOf(PortalPart part)
    {
        var output = _running.Single(r => r.Part == part).Output;
        lock (output)
        {
            return output.ToString();
        }
    }

    public static async Task<PortalStack> StartAsync(PortalStackOptions options, CancellationToken cancellationToken = default)
    {
        var stack = new PortalStack(options);
        try
        {
            foreach (var part in stack.Parts)
            {
                stack.Launch(part, options);
            }
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            await Task.WhenAll(stack.Parts.Select(part => stack.WaitUntilReadyAsync(http, part, options.StartTimeout, cancellationToken)));
            return stack;
        }
        catch
        {
            await stack.DisposeAsync();
            throw;
        }
    }

    private void Launch(PortalPart part, PortalStackOptions options)
    {
        var output = Path.Combine(options.RepositoryRoot, "src", part.Project, "bin", options.Configuration, "net10.0");
        var assembly = Path.Combine(output, $"{part.Project}.dll");
        if (!File.Exists(assembly))
        {
            throw new InvalidOperationException($"{assembly} is missing: build the solution ({options.Configuration}) first.");
        }
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = output,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(assembly);
        var environment = start.Environment;
        environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        environment["DOTNET_ENVIRONMENT"] = "Development";
        environment["ASPNETCORE_CONTENTROOT"] = output;
        environment["ASPNETCORE_URLS"] = $"http://localhost:{part.Port}";
        environment["Storage__DataFolder"] = Path.Combine(options.DataRoot, part.Name);
        environment["Apps__Identity"] = Identity.Address.ToString();
        environment["Apps__Ordering"] = Ordering.Address.ToString();
        environment["Apps__Support"] = Support.Address.ToString();
        environment["SignIn__Authority"] = Identity.Address.ToString();
        // Every part writes its mails into the same folder, where a developer reads them.
        environment["Mail__PickupFolder"] = Path.Combine(options.DataRoot, "mail");
        foreach (var (key, value) in options.Settings.GetValueOrDefault(part.Name) ?? [])
        {
            environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var log = new StringBuilder();
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => Append(log, e.Data);
        process.ErrorDataReceived += (_, e) => Append(log, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _running.Add((part, process, log));
    }

    private async Task WaitUntilReadyAsync(HttpClient http, PortalPart part, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var process = _running.Single(r => r.Part == part).Process;
        try
        {
            await Eventually.TrueAsync(async () =>
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"{part.Project} stopped ({process.ExitCode}):\n{OutputOf(part)}");
                }
                try
                {
                    using var response = await http.GetAsync(new Uri(part.Address, part.ReadyPath), cancellationToken);
                    return response.IsSuccessStatusCode;
                }
                catch (HttpRequestException)
                {
                    return false; // not listening yet
                }
                catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    return false; // a slow first answer
                }
            }, $"{part.Project} ready at {part.Address}{part.ReadyPath}", timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"{part.Project} was not ready at {part.Address}{part.ReadyPath} after {timeout}:\n{OutputOf(part)}");
        }
    }

    private static void Append(StringBuilder log, string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (log)
        {
            log.AppendLine(line);
        }
    }

    /// <summary>Waits until any part stops by itself (a crash); returns it.</summary>
    public async Task<PortalPart> WaitForAnyExitAsync(CancellationToken cancellationToken)
    {
        var exits = _running.Select(async r => { await r.Process.WaitForExitAsync(cancellationToken); return r.Part; });
        return await await Task.WhenAny(exits);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var (_, process, _) in _running)
        {
            try
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                    await process.WaitForExitAsync();
                }
            }
            catch (InvalidOperationException)
            {
                // Never started or already gone.
            }
            process.Dispose();
        }
        _running.Clear();
    }
}
