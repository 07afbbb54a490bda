using System.CommandLine;
using DesignDrill.Storage;
using DesignDrill.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;

namespace DesignDrill.Cli.Commands;

/// <summary><c>drill serve</c>: starts the web studio (the same app as <c>dotnet run --project src/DesignDrill.Web</c>).</summary>
internal static class ServeCommand
{
    /// <summary>Examples shown at the end of <c>drill serve --help</c>.</summary>
    public const string Examples =
        """
        Examples:
          drill serve
          drill serve --urls http://127.0.0.1:8080
          drill serve --data ~/designdrill/progress.db

        Serves on loopback only unless --urls says otherwise; Ctrl+C stops it.
        Exit codes: 0 stopped; 2 unusable input (bad arguments, a database that cannot be opened).
        """;

    /// <summary>Called with the started app; the tests use it to stop the server. Null outside tests.</summary>
    internal static Action<WebApplication>? Started { get; set; }

    /// <summary>Creates the command.</summary>
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var urls = new Option<string>("--urls") { Description = "Where to listen (ASP.NET Core's --urls).", DefaultValueFactory = _ => WebStudioOptions.DefaultUrl, HelpName = "url" };
        var data = new Option<string?>("--data") { Description = "The progress database (default: " + ProgressStorePaths.FileName + " in DESIGNDRILL_DATA or the user's data folder).", HelpName = "file" };
        var command = new Command("serve", "Start the web studio in the browser: practice, review, simulation lab, progress, cards.");
        command.Options.Add(urls);
        command.Options.Add(data);
        command.SetAction(parseResult =>
        {
            var url = parseResult.GetValue(urls) ?? WebStudioOptions.DefaultUrl;
            if (!Uri.TryCreate(url.Split(';')[0], UriKind.Absolute, out var first) || first.Scheme is not ("http" or "https"))
            {
                stderr.WriteLine($"drill serve: --urls '{url}' is not an http address; write http://127.0.0.1:5178");
                return ExitCodes.UnusableInput;
            }

            WebApplication app;
            try
            {
                app = WebStudio.Build(new WebStudioOptions { Urls = url, DataPath = parseResult.GetValue(data) });
            }
            catch (ProgressStoreException e)
            {
                stderr.WriteLine("drill serve: " + e.Message);
                return ExitCodes.UnusableInput;
            }

            try
            {
                app.StartAsync().GetAwaiter().GetResult();
            }
            catch (IOException e)
            {
                stderr.WriteLine($"drill serve: cannot listen on {url}: {e.Message}");
                return ExitCodes.UnusableInput;
            }

            stdout.WriteLine($"DesignDrill studio on {string.Join(", ", app.Urls)} (Ctrl+C to stop)");
            stdout.Flush();
            Started?.Invoke(app);
            app.WaitForShutdownAsync().GetAwaiter().GetResult();
            app.DisposeAsync().AsTask().GetAwaiter().GetResult();
            return ExitCodes.Ok;
        });
        return command;
    }
}
