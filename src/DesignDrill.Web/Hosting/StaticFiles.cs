namespace DesignDrill.Web.Hosting;

/// <summary>Finds the folder of the studio's static files (CSS and the esbuild bundle in <c>dist/</c>).</summary>
internal static class StaticFiles
{
    /// <summary>
    /// The <c>wwwroot</c> next to the app when it was published, else <c>src/DesignDrill.Web/wwwroot</c> in the source
    /// tree above the app (for <c>dotnet run</c>, <c>drill serve</c> from a checkout, and the tests).
    /// </summary>
    /// <returns>The folder's full path (it may not exist when neither is found; pages then render without scripts).</returns>
    public static string FindWebRoot()
    {
        var beside = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        if (File.Exists(Path.Combine(beside, "dist", "app.js")))
        {
            return beside;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "DesignDrill.Web", "wwwroot");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return beside;
    }
}
