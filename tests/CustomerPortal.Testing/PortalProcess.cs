using System.Diagnostics;
using System.Text;

namespace CustomerPortal.Testing;

/// <summary>
/// The built IdP (or another part) run as its own process, exactly as an operator runs it: `dotnet CustomerPortal.Identity.dll [args]`.
/// </summary>
public sealed class PortalProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private PortalProcess(Process process) => _process = process;

    public string Output { get { lock (_output) { return _output.ToString(); } } }
    public int ExitCode => _process.ExitCode;
    public Uri? BaseAddress { get; private set; }

    public static PortalProcess Start(string environment, IReadOnlyDictionary<string, string> settings, params string[] args) =>
        StartAssembly(Path.Combine(AppContext.BaseDirectory, "CustomerPortal.Identity.dll"), environment, settings, args);

    /// <summary>Any part's built assembly (a relying app too), run the same way from its own folder, which is its content root.</summary>
    public static PortalProcess StartAssembly(string assembly, string environment, IReadOnlyDictionary<string, string> settings, params string[] args)
    {
        var folder = Path.GetDirectoryName(assembly)!;
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(assembly);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        start.Environment["DOTNET_ENVIRONMENT"] = environment;
        start.Environment["ASPNETCORE_CONTENTROOT"] = folder;
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__")] = value;
        }

        var portal = new PortalProcess(new Process { StartInfo = start, EnableRaisingEvents = true });
        portal._process.OutputDataReceived += (_, e) => portal.Append(e.Data);
        portal._process.ErrorDataReceived += (_, e) => portal.Append(e.Data);
        portal._process.Exited += (_, _) => portal._listening.TrySetException(
            new InvalidOperationException($"{Path.GetFileName(assembly)} exited ({portal._process.ExitCode}):\n{portal.Output}"));
        portal._process.Start();
        portal._process.BeginOutputReadLine();
        portal._process.BeginErrorReadLine();
        return portal;
    }

    /// <summary>Starts the IdP as a server on a free loopback port and waits until it listens.</summary>
    /// <param name="host">
    /// "localhost" where a browser must see a host name, not an address: WebAuthn refuses an IP
    /// address as relying party id. The public origin (the relying party id) then names it too.
    /// </param>
    public static async Task<PortalProcess> StartServerAsync(
        string environment, Dictionary<string, string> settings, string? assembly = null, string host = "127.0.0.1")
    {
        var port = LoopbackPorts.Next();
        var address = $"http://{host}:{port}";
        settings["Urls"] = address;
        if (host == "localhost")
        {
            settings["Registration:PublicOrigin"] = address + "/";
        }
        var portal = assembly is null ? Start(environment, settings) : StartAssembly(assembly, environment, settings);
        portal.BaseAddress = new Uri(address);
        await portal._listening.Task.WaitAsync(TimeSpan.FromSeconds(60));
        return portal;
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancellation.Token);
        _process.WaitForExit(); // drains the output readers
        return _process.ExitCode;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            _output.AppendLine(line);
        }
        if (line.Contains("Now listening on", StringComparison.Ordinal))
        {
            _listening.TrySetResult();
        }
    }

    private bool _disposed;

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
