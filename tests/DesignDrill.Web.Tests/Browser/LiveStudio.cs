using System.Net;
using System.Net.Sockets;
using DesignDrill.Web.Hosting;
using Microsoft.AspNetCore.Builder;

namespace DesignDrill.Web.Tests.Browser;

/// <summary>
/// The studio on a real Kestrel socket on 127.0.0.1 (a real browser needs one), with its own progress database.
/// <see cref="RestartAsync"/> stops the server and starts a new one on the same port and database, as a restart would.
/// </summary>
public sealed class LiveStudio : IAsyncDisposable
{
    private WebApplication _app;

    private LiveStudio(WebApplication app, string folder, int port)
    {
        _app = app;
        Folder = folder;
        Port = port;
    }

    public string Folder { get; }

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port}";

    public string DataPath => Path.Combine(Folder, "progress.db");

    public static async Task<LiveStudio> StartAsync()
    {
        var folder = Directory.CreateTempSubdirectory("designdrill-e2e-").FullName;
        var port = FreePort();
        var app = await StartAppAsync(folder, port);
        return new LiveStudio(app, folder, port);
    }

    public async Task RestartAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _app = await StartAppAsync(Folder, Port);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static async Task<WebApplication> StartAppAsync(string folder, int port)
    {
        var app = WebStudio.Build(new WebStudioOptions { Urls = $"http://127.0.0.1:{port}", DataPath = Path.Combine(folder, "progress.db") });
        await app.StartAsync();
        return app;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
