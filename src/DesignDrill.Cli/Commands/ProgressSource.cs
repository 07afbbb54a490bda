using DesignDrill.Storage;

namespace DesignDrill.Cli.Commands;

/// <summary>Opens the progress database for a command, turning an unusable database into a clear message.</summary>
internal static class ProgressSource
{
    /// <summary>Where the database is, for help texts.</summary>
    public const string Where = "Progress lives in $DESIGNDRILL_DATA/progress.db, else in your local application data folder (DesignDrill/progress.db).";

    /// <summary>Opens the store at <see cref="ProgressStorePaths.Default"/>.</summary>
    /// <param name="stderr">Where the problem is explained.</param>
    /// <param name="command">The command name for the message ("practice").</param>
    /// <returns>The store, or <see langword="null"/> after printing why it cannot be used (the file is left unchanged).</returns>
    public static SqliteProgressStore? Open(TextWriter stderr, string command)
    {
        try
        {
            return new SqliteProgressStore(ProgressStorePaths.Default);
        }
        catch (ProgressStoreException e)
        {
            stderr.WriteLine($"drill {command}: {e.Message}");
            return null;
        }
    }
}
