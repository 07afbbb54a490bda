using DesignDrill.Web.Hosting;

// `dotnet run --project src/DesignDrill.Web` (and `drill serve`): the web studio on http://127.0.0.1:5178.
// Options: --urls, --data (progress database file); see docs/web-studio.md.
var options = WebStudioOptions.FromArgs(args, Environment.GetEnvironmentVariable);
if (options.Error is { } error)
{
    Console.Error.WriteLine("designdrill web: " + error);
    return 2;
}

var app = WebStudio.Build(options);
await app.RunAsync();
return 0;
