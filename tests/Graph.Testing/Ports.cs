using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Graph.Testing;

/// <summary>Free TCP ports on 127.0.0.1 for servers the tests start.</summary>
/// <remarks>A port the kernel hands out for port 0 comes from the ephemeral range, which outgoing connections and other
/// test processes draw from too: between this check and the server's bind, one of them may take it (seen in CI as Orthanc's
/// "port already in use"). So ports are drawn at random from below that range and never handed out twice by one process.</remarks>
public static class Ports
{
    private static readonly HashSet<int> Given = [];
    private static readonly (int Low, int High) Range = BelowEphemeralRange();

    /// <summary>A port nothing listens on now, below the kernel's ephemeral range.</summary>
    public static int Free()
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var port = Random.Shared.Next(Range.Low, Range.High);
            lock (Given)
            {
                if (!Given.Add(port))
                    continue;
            }

            if (CanListen(port))
                return port;
        }

        throw new InvalidOperationException($"No free port between {Range.Low} and {Range.High} on 127.0.0.1 after 200 attempts.");
    }

    private static bool CanListen(int port)
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

    private static (int Low, int High) BelowEphemeralRange()
    {
        const string file = "/proc/sys/net/ipv4/ip_local_port_range";
        var low = 32768;
        if (File.Exists(file) && int.TryParse(File.ReadAllText(file).Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries)[0], NumberStyles.None, CultureInfo.InvariantCulture, out var first))
            low = first;
        // An unusually wide ephemeral range leaves nothing below it: then the usual default's lower part serves.
        return low > 12000 ? (10000, low) : (10000, 32768);
    }
}
