namespace DesignDrill.Storage;

/// <summary>Where the progress database lives by default.</summary>
public static class ProgressStorePaths
{
    /// <summary>The environment variable naming the folder for DesignDrill's data: <c>DESIGNDRILL_DATA</c>.</summary>
    public const string DataEnvironmentVariable = "DESIGNDRILL_DATA";

    /// <summary>The database's file name: <c>progress.db</c>.</summary>
    public const string FileName = "progress.db";

    /// <summary>The folder created under the user's local application data: <c>DesignDrill</c>.</summary>
    public const string ApplicationFolderName = "DesignDrill";

    /// <summary>
    /// The default database path: <c>$DESIGNDRILL_DATA/progress.db</c> when the variable is set and not blank,
    /// otherwise <c>DesignDrill/progress.db</c> under <see cref="Environment.SpecialFolder.LocalApplicationData"/>
    /// (<c>~/.local/share</c> on Linux, <c>%LOCALAPPDATA%</c> on Windows, <c>~/Library/Application Support</c> on macOS).
    /// Reading it creates nothing; <see cref="SqliteProgressStore"/> creates the folder when it opens the file.
    /// </summary>
    /// <exception cref="ProgressStoreException">When the variable is unset and the system has no local application data folder.</exception>
    public static string Default =>
        Resolve(Environment.GetEnvironmentVariable, Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData));

    /// <summary>The default path for given surroundings (see <see cref="Default"/>).</summary>
    /// <param name="environment">Reads an environment variable; returns null when unset.</param>
    /// <param name="localApplicationData">The user's local application data folder; empty when the system has none.</param>
    /// <returns>An absolute path to <c>progress.db</c>.</returns>
    /// <exception cref="ArgumentNullException">When <paramref name="environment"/> is null.</exception>
    /// <exception cref="ProgressStoreException">When neither gives a folder.</exception>
    public static string Resolve(Func<string, string?> environment, string? localApplicationData)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var data = environment(DataEnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(data))
        {
            return Path.GetFullPath(Path.Combine(data.Trim(), FileName));
        }

        if (string.IsNullOrWhiteSpace(localApplicationData))
        {
            throw new ProgressStoreException(FileName, ProgressStoreProblem.CannotCreate, ProgressStoreMessages.NoDataFolder());
        }

        return Path.GetFullPath(Path.Combine(localApplicationData, ApplicationFolderName, FileName));
    }
}
