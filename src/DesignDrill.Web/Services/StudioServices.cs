using DesignDrill.Core.Catalog;
using DesignDrill.Core.Progress;
using DesignDrill.Storage;
using DesignDrill.Web.Hosting;

namespace DesignDrill.Web.Services;

/// <summary>Registers the studio's services: content catalogs, the progress store, live analysis and simulation.</summary>
public static class StudioServices
{
    /// <summary>Adds Razor Pages, antiforgery, the catalogs, the SQLite progress store and the studio's services.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="options">The studio's options.</param>
    /// <returns>The same collection.</returns>
    public static IServiceCollection AddDesignDrillStudio(this IServiceCollection services, WebStudioOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.AddRazorPages();
        services.AddAntiforgery(a => a.HeaderName = "RequestVerificationToken");
        services.AddProblemDetails();
        services.AddSingleton(options);
        services.AddSingleton(options.Clock);
        services.AddSingleton(PromptCatalog.Default);
        services.AddSingleton(ConceptCatalog.Default);
        services.AddSingleton(FollowUpBank.Default);
        // One store for the app, opened from the options in the container (tests replace them); WebStudio.Build opens
        // it at start, so a damaged or newer database stops the app with the store's own message.
        services.AddSingleton(sp => new SqliteProgressStore(sp.GetRequiredService<WebStudioOptions>().DataPath));
        services.AddSingleton<IProgressStore>(sp => sp.GetRequiredService<SqliteProgressStore>());
        services.AddSingleton<LiveAnalyzer>();
        services.AddSingleton<SimulationJobs>();
        services.AddSingleton<PracticeSessions>();
        return services;
    }
}
