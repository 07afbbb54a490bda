using DesignDrill.Storage;

namespace DesignDrill.Web.Hosting;

/// <summary>How the web studio is started: where it listens, where it keeps progress, and its limits.</summary>
public sealed record WebStudioOptions
{
    /// <summary>The default address: loopback only, port 5178 (an unassigned port; rule of thumb for a local tool).</summary>
    public const string DefaultUrl = "http://127.0.0.1:5178";

    /// <summary>
    /// Largest design document accepted over HTTP, in bytes of UTF-8: 1,000,000 (rule of thumb: the longest reference
    /// design is about 12 KB, so this is eighty times any real document while keeping one request's work bounded).
    /// </summary>
    public const int DefaultMaxDocumentBytes = 1_000_000;

    /// <summary>The addresses to listen on (semicolon-separated, as ASP.NET Core's <c>--urls</c>); loopback by default.</summary>
    public string Urls { get; init; } = DefaultUrl;

    /// <summary>The progress database file; <see cref="ProgressStorePaths.Default"/> (which honours <c>DESIGNDRILL_DATA</c>) when null.</summary>
    public string? DataPath { get; init; }

    /// <summary>The folder of the static files (the bundled browser code); found next to the app or in the source tree when null.</summary>
    public string? WebRootPath { get; init; }

    /// <summary>Largest design document accepted, in bytes (<see cref="DefaultMaxDocumentBytes"/>).</summary>
    public int MaxDocumentBytes { get; init; } = DefaultMaxDocumentBytes;

    /// <summary>The clock of practice sessions and card reviews; <see cref="TimeProvider.System"/> outside tests.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>
    /// Host settings passed on to ASP.NET Core as command-line arguments (<c>--environment=Development</c>,
    /// <c>--contentRoot=DIR</c>, <c>--applicationName=NAME</c>); the test host passes these.
    /// </summary>
    public IReadOnlyList<string> HostArgs { get; init; } = [];

    /// <summary>The host settings accepted in <see cref="HostArgs"/> (ASP.NET Core's own names, any case).</summary>
    public static IReadOnlyList<string> HostSettingNames { get; } = ["--environment", "--contentRoot", "--applicationName"];

    /// <summary>A message for the user when the arguments could not be read; <see langword="null"/> otherwise.</summary>
    public string? Error { get; init; }

    /// <summary>
    /// Reads <c>--urls URL</c> and <c>--data FILE</c> (also <c>--urls=URL</c>), and keeps ASP.NET Core's host settings
    /// (<see cref="HostSettingNames"/>) for the host; any other argument is an error.
    /// </summary>
    /// <param name="args">The command-line arguments.</param>
    /// <param name="environment">Reads an environment variable (<c>ASPNETCORE_URLS</c> is honoured when no <c>--urls</c>).</param>
    /// <returns>The options, with <see cref="Error"/> set when an argument is unknown or has no value.</returns>
    public static WebStudioOptions FromArgs(IReadOnlyList<string> args, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(environment);
        var options = new WebStudioOptions();
        var hostArgs = new List<string>();
        if (environment("ASPNETCORE_URLS") is { Length: > 0 } urls)
        {
            options = options with { Urls = urls };
        }

        for (var i = 0; i < args.Count; i++)
        {
            var (name, inline) = args[i].Split('=', 2) is [var n, var v] ? (n, v) : (args[i], null);
            string? Value() => inline ?? (i + 1 < args.Count ? args[++i] : null);
            switch (name)
            {
                case "--urls":
                    options = Value() is { Length: > 0 } u ? options with { Urls = u } : options with { Error = "--urls needs a value, e.g. --urls http://127.0.0.1:5178" };
                    break;
                case "--data":
                    options = Value() is { Length: > 0 } d ? options with { DataPath = d } : options with { Error = "--data needs a file, e.g. --data ~/designdrill/progress.db" };
                    break;
                case var host when HostSettingNames.Contains(host, StringComparer.OrdinalIgnoreCase):
                    hostArgs.Add(host + "=" + Value());
                    break;
                default:
                    return options with { Error = $"unknown argument '{args[i]}'; the web studio takes --urls URL and --data FILE" };
            }

            if (options.Error is not null)
            {
                return options;
            }
        }

        return options with { HostArgs = hostArgs };
    }
}
