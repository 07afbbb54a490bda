using System.Net;
using System.Net.Sockets;
using DesignDrill.Cli.Commands;
using Microsoft.AspNetCore.Builder;

namespace DesignDrill.Cli.Tests;

[Collection("serve")]
public sealed class ServeCommandTests
{
    [Fact]
    public async Task Should_serve_the_studio_on_loopback_until_stopped()
    {
        // Given a free loopback port and an empty data folder
        var folder = Directory.CreateTempSubdirectory("designdrill-serve-").FullName;
        var port = FreePort();
        var started = new TaskCompletionSource<WebApplication>(TaskCreationOptions.RunContinuationsAsynchronously);
        ServeCommand.Started = app => started.TrySetResult(app);
        try
        {
            using var stdout = new StringWriter();
            using var stderr = new StringWriter();

            // When drill serve runs
            var run = Task.Run(() => DrillApp.Run(["serve", "--urls", $"http://127.0.0.1:{port}", "--data", Path.Combine(folder, "progress.db")], TextReader.Null, stdout, stderr));
            var app = await started.Task.WaitAsync(TimeSpan.FromSeconds(60));

            // Then the studio answers, and stopping it ends the command with 0
            using var http = new HttpClient();
            (await http.GetStringAsync($"http://127.0.0.1:{port}/health")).ShouldBe("ok");
            (await http.GetStringAsync($"http://127.0.0.1:{port}/")).ShouldContain("Practise a system design interview");
            await app.StopAsync();
            (await run.WaitAsync(TimeSpan.FromSeconds(60))).ShouldBe(0);
            stdout.ToString().ShouldContain($"DesignDrill studio on http://127.0.0.1:{port}");
        }
        finally
        {
            ServeCommand.Started = null;
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Should_refuse_an_address_that_is_not_http()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        DrillApp.Run(["serve", "--urls", "ftp://127.0.0.1:21"], TextReader.Null, stdout, stderr).ShouldBe(2);
        stderr.ToString().ShouldContain("is not an http address");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
