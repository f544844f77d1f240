using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Inburgering.IntegrationTests.Infrastructure;

/// <summary>What the tests need to start a server program of this machine beside the app.</summary>
internal static class Lokaal
{
    /// <summary>A loopback port free at this moment.</summary>
    public static int VrijePoort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// The program as the unprivileged <c>postgres</c> user when the tests run as root (CI does): PostgreSQL and
    /// PgBouncer refuse to run as root.
    /// </summary>
    public static ProcessStartInfo AlsPostgres(string programma, IEnumerable<string> args)
    {
        var start = Environment.UserName == "root"
            ? new ProcessStartInfo("runuser", ["-u", "postgres", "--", programma, .. args])
            : new ProcessStartInfo(programma, args);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        return start;
    }

    /// <summary>A folder the server user may write in.</summary>
    public static string Map(string voorvoegsel)
    {
        var folder = Directory.CreateTempSubdirectory(voorvoegsel).FullName;
        File.SetUnixFileMode(folder, (UnixFileMode)Convert.ToInt32("777", 8));
        return folder;
    }
}
