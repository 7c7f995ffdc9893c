using System.Net;
using System.Net.Sockets;

namespace CustomerPortal.Testing;

/// <summary>
/// Loopback ports for the servers the tests start (the IdP, the apps, SMTP, receivers).
/// </summary>
/// <remarks>
/// A port is chosen here and bound later by another process, so it must stay free in between.
/// Asking the kernel for port 0 hands out a port of the ephemeral range, which the kernel also
/// hands to every outgoing connection of every process (a database client, an HTTP call), and one
/// of them took such a port before the app bound it ("Address already in use"). Ports below that
/// range are never given to outgoing connections, so they are chosen there: at random, checked
/// free by binding, and never twice in one test process.
/// </remarks>
public static class LoopbackPorts
{
    private const int Lowest = 20000;
    private static readonly HashSet<int> Handed = [];

    public static int Next()
    {
        var below = EphemeralRangeStart();
        lock (Handed)
        {
            for (var attempt = 0; attempt < 1000; attempt++)
            {
                var port = Random.Shared.Next(Lowest, below);
                if (!Handed.Contains(port) && IsFree(port))
                {
                    Handed.Add(port);
                    return port;
                }
            }
        }
        throw new InvalidOperationException($"No free loopback port between {Lowest} and {below}.");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>The first port of the kernel's ephemeral range (Linux), or the usual default.</summary>
    private static int EphemeralRangeStart()
    {
        const string range = "/proc/sys/net/ipv4/ip_local_port_range";
        if (File.Exists(range)
            && int.TryParse(File.ReadAllText(range).Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries)[0], out var start)
            && start > Lowest + 1000)
        {
            return start;
        }
        return 32768;
    }
}
