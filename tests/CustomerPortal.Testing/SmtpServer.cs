using System.Diagnostics;
using System.Net.Sockets;
using MimeKit;

namespace CustomerPortal.Testing;

/// <summary>
/// A real SMTP server on loopback (Debian's python3-aiosmtpd) that stores what it receives in a
/// maildir, where the tests read the mails with MimeKit. It refuses, with 550, every recipient whose
/// address begins with <see cref="RejectedPrefix"/>, as a server refuses an unknown mailbox.
/// </summary>
public sealed class SmtpServer : IAsyncDisposable
{
    private readonly string _maildir;
    private Process? _process;

    private SmtpServer(int port, string maildir)
    {
        Port = port;
        _maildir = maildir;
    }

    public int Port { get; }

    /// <summary>Recipients whose address begins with this get "550 5.1.1 ... User unknown" at RCPT TO.</summary>
    public const string RejectedPrefix = "unknown-user-";

    /// <summary>aiosmtpd's Mailbox handler, refusing the recipients named by <see cref="RejectedPrefix"/>.</summary>
    private const string Handler = $$"""
        from aiosmtpd.handlers import Mailbox

        class RejectingMailbox(Mailbox):
            async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
                if address.lower().startswith("{{RejectedPrefix}}"):
                    return "550 5.1.1 <%s>: Recipient address rejected: User unknown" % address
                envelope.rcpt_tos.append(address)
                return "250 OK"
        """;

    /// <summary>Settings that point the IdP at this server.</summary>
    public Dictionary<string, string?> Settings => new()
    {
        ["Mail:Smtp:Host"] = "127.0.0.1",
        ["Mail:Smtp:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Mail:Smtp:Security"] = "None",
        ["Mail:PollInterval"] = "00:00:00.200",
        ["Mail:RetryDelay"] = "00:00:00.300",
        ["Mail:MaxRetryDelay"] = "00:00:01",
    };

    /// <summary>Reserves a port; the server itself starts with <see cref="StartAsync"/> (so a test can begin with SMTP down).</summary>
    public static SmtpServer Reserve() =>
        new(LoopbackPorts.Next(), Path.Combine(Path.GetTempPath(), "customer-portal-mail", Guid.NewGuid().ToString("n")));

    public static async Task<SmtpServer> StartNewAsync()
    {
        var server = Reserve();
        await server.StartAsync();
        return server;
    }

    public async Task StartAsync()
    {
        foreach (var folder in new[] { "tmp", "new", "cur" })
        {
            Directory.CreateDirectory(Path.Combine(_maildir, folder)); // a maildir aiosmtpd can write into
        }
        var handlerFolder = _maildir + "-handler";
        Directory.CreateDirectory(handlerFolder);
        await File.WriteAllTextAsync(Path.Combine(handlerFolder, "portal_smtp.py"), Handler);
        var start = new ProcessStartInfo("/usr/bin/python3")
        {
            Environment = { ["PYTHONPATH"] = handlerFolder },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{Port}", "-c", "portal_smtp.RejectingMailbox", _maildir })
        {
            start.ArgumentList.Add(arg);
        }
        _process = Process.Start(start) ?? throw new InvalidOperationException("python3 -m aiosmtpd did not start.");
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        await Eventually.TrueAsync(async () =>
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync("127.0.0.1", Port);
                return true;
            }
            catch (SocketException) when (!_process.HasExited)
            {
                return false;
            }
            catch (SocketException)
            {
                throw new InvalidOperationException("aiosmtpd exited; is python3-aiosmtpd installed (apt-get install python3-aiosmtpd)?");
            }
        }, $"aiosmtpd listening on port {Port}", TimeSpan.FromSeconds(10));
    }

    public async Task StopAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process = null;
    }

    public IReadOnlyList<MimeMessage> Messages()
    {
        var files = new[] { "new", "cur" }
            .Select(folder => Path.Combine(_maildir, folder))
            .Where(Directory.Exists)
            .SelectMany(Directory.GetFiles)
            .OrderBy(File.GetLastWriteTimeUtc);
        return [.. files.Select(file => MimeMessage.Load(file))];
    }

    public IReadOnlyList<MimeMessage> MessagesTo(string address) =>
        [.. Messages().Where(m => m.To.Mailboxes.Any(to => string.Equals(to.Address, address, StringComparison.OrdinalIgnoreCase)))];

    /// <summary>Waits until <paramref name="count"/> mails reached <paramref name="address"/>; returns them oldest first.</summary>
    public Task<IReadOnlyList<MimeMessage>> WaitForAsync(string address, int count, TimeSpan? timeout = null) =>
        Eventually.GetAsync(() => Task.FromResult(MessagesTo(address) is { } received && received.Count >= count ? received : null),
            $"{count} mails to {address}", timeout ?? TimeSpan.FromSeconds(20));

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try { Directory.Delete(_maildir, recursive: true); } catch (IOException) { }
        try { Directory.Delete(_maildir + "-handler", recursive: true); } catch (IOException) { }
    }
}
