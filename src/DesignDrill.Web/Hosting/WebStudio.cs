using DesignDrill.Web.Endpoints;
using DesignDrill.Web.Services;

namespace DesignDrill.Web.Hosting;

/// <summary>
/// Builds the web studio: ASP.NET Core with server-rendered Razor Pages, htmx partials and a small JSON API, over the
/// Core's review, practice and simulation and the SQLite progress store. Used by <c>Program</c>, by <c>drill serve</c>
/// and by the tests, which start it on a free loopback port.
/// </summary>
public static class WebStudio
{
    /// <summary>Builds the app (not started).</summary>
    /// <param name="options">Where to listen, where the data lives, limits and clock.</param>
    /// <returns>The app; call <c>RunAsync</c> or <c>StartAsync</c>.</returns>
    /// <exception cref="DesignDrill.Storage.ProgressStoreException">When the progress database cannot be opened (damaged, newer, locked); its message says what to do.</exception>
    public static WebApplication Build(WebStudioOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var webRoot = options.WebRootPath ?? StaticFiles.FindWebRoot();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = [.. options.HostArgs],
            ApplicationName = typeof(WebStudio).Assembly.GetName().Name,
            ContentRootPath = Path.GetDirectoryName(webRoot) ?? AppContext.BaseDirectory,
            WebRootPath = webRoot,
        });
        builder.WebHost.UseUrls(options.Urls);
        // One line per request at Information is noise for a local tool; warnings and errors still show.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            // Bodies a little above the document limit still reach the endpoints, which answer 413 with a message;
            // anything far larger is cut off by Kestrel itself.
            kestrel.Limits.MaxRequestBodySize = (long)options.MaxDocumentBytes * 4;
        });
        builder.Services.AddDesignDrillStudio(options);

        var app = builder.Build();

        // Open the progress database now, so a damaged, newer or locked file stops the start with the store's message
        // instead of failing the first request.
        _ = app.Services.GetRequiredService<DesignDrill.Core.Progress.IProgressStore>();
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error/500");
        }

        app.UseStaticFiles();
        app.UseRouting();
        app.UseAntiforgery();
        app.MapRazorPages();
        app.MapStudioApi();
        return app;
    }
}
