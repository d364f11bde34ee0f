using System.Net;
using System.Net.Sockets;

namespace Graph.Testing;

/// <summary>Free TCP ports on 127.0.0.1 for servers the tests start.</summary>
public static class Ports
{
    /// <summary>A port nothing listens on now.</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
