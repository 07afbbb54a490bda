using System.Globalization;

namespace DesignDrill.Storage;

/// <summary>
/// Every message of <see cref="ProgressStoreException"/>, in one place (docs/progress.md, "When the database cannot be
/// used", lists them). Each names the file, says what is wrong, and what the person can do.
/// </summary>
internal static class ProgressStoreMessages
{
    /// <summary>The sentence every refusal to open carries: the file was left as it was.</summary>
    internal const string Unchanged = "DesignDrill has not changed it.";

    /// <summary>What to do with a file that cannot be used: move it away, or use another folder.</summary>
    internal const string MoveOrRedirect =
        "Move the file somewhere else to start with empty progress, or set " + ProgressStorePaths.DataEnvironmentVariable + " to another folder.";

    internal static string NotSqlite(string path, string start) =>
        $"'{path}' is not a DesignDrill progress database: it is not an SQLite database file (it starts with {start} instead of \"SQLite format 3\"). {Unchanged} {MoveOrRedirect}";

    internal static string TooShort(string path, long length) =>
        $"'{path}' is damaged: it has the SQLite header but only {length} bytes, fewer than the 100 of a complete header, so it was probably cut short (an interrupted copy or a full disk). {Unchanged} {RestoreOrMove(path)}";

    internal static string Truncated(string path, long pages, int pageSize, long length) =>
        Invariant($"'{path}' is damaged: its header says {pages} pages of {pageSize} bytes ({pages * pageSize} bytes), but the file has only {length} bytes, so it was probably cut short (an interrupted copy or a full disk). {Unchanged} {RestoreOrMove(path)}");

    internal static string PartialPage(string path, int pageSize, long length) =>
        Invariant($"'{path}' is damaged: its size, {length} bytes, is not a whole number of {pageSize}-byte pages, so it was probably cut short. {Unchanged} {RestoreOrMove(path)}");

    internal static string BadPageSize(string path, int pageSize) =>
        Invariant($"'{path}' is damaged: its header gives a page size of {pageSize} bytes, which SQLite never writes. {Unchanged} {RestoreOrMove(path)}");

    internal static string IntegrityCheckFailed(string path, string detail) =>
        $"'{path}' is damaged: SQLite's integrity check reports \"{detail}\". {Unchanged} {RestoreOrMove(path)}";

    internal static string Malformed(string path, string detail) =>
        $"'{path}' is damaged: SQLite cannot read it ({detail}). {Unchanged} {RestoreOrMove(path)}";

    internal static string DamagedJournal(string path, string sessionId, string detail) =>
        $"'{path}' is damaged: the journal of practice session {sessionId} cannot be read ({detail}). {Unchanged} {RestoreOrMove(path)}";

    internal static string ForeignApplication(string path, int applicationId) =>
        Invariant($"'{path}' is an SQLite database of another program (application id 0x{applicationId:X8}), not a DesignDrill progress database. {Unchanged} Point DesignDrill at another file: set {ProgressStorePaths.DataEnvironmentVariable} to another folder.");

    internal static string ForeignTables(string path, string tables) =>
        $"'{path}' is an SQLite database, but not a DesignDrill progress database: it has tables ({tables}) and no DesignDrill schema version. {Unchanged} Point DesignDrill at another file: set {ProgressStorePaths.DataEnvironmentVariable} to another folder.";

    internal static string NewerVersion(string path, int version, int known) =>
        Invariant($"'{path}' was written by a newer DesignDrill (schema {version}; this version knows up to {known}). {Unchanged} Update DesignDrill to use it, or set {ProgressStorePaths.DataEnvironmentVariable} to another folder to keep separate progress with this version.");

    internal static string Locked(string path) =>
        $"'{path}' is locked by another program (another DesignDrill session or web studio, or a database tool with a transaction open). Close it and try again, or set {ProgressStorePaths.DataEnvironmentVariable} to another folder.";

    internal static string ReadOnly(string path, string detail) =>
        $"'{path}' cannot be written ({detail}). Make the file and its folder writable (on Linux or macOS: chmod u+w), or set {ProgressStorePaths.DataEnvironmentVariable} to a writable folder.";

    internal static string CannotCreateFolder(string path, string folder, string detail) =>
        $"'{path}' cannot be created: its folder '{folder}' could not be made ({detail}). Create the folder yourself, or set {ProgressStorePaths.DataEnvironmentVariable} to a writable folder.";

    internal static string CannotOpen(string path, string detail) =>
        $"'{path}' cannot be opened ({detail}). Check that the path names a file in a folder you can write, or set {ProgressStorePaths.DataEnvironmentVariable} to another folder.";

    internal static string DiskFull(string path) =>
        $"'{path}' cannot be written: the disk is full. Nothing was saved by the step that failed; free some space and try again.";

    internal static string Failed(string path, string detail) =>
        $"'{path}' could not be used: {detail}. If it keeps failing, move the file away to start with empty progress, or set {ProgressStorePaths.DataEnvironmentVariable} to another folder.";

    internal static string NoDataFolder() =>
        $"DesignDrill has no folder for its progress: this system reports no local application data folder. Set {ProgressStorePaths.DataEnvironmentVariable} to a writable folder.";

    /// <summary>What to do with a damaged file: bring back a backup, or move it away.</summary>
    private static string RestoreOrMove(string path) =>
        $"If a backup exists ('{Path.GetFileName(path)}.bak-v…' beside it), copy it over the file; otherwise move the file somewhere else to start with empty progress, or set {ProgressStorePaths.DataEnvironmentVariable} to another folder.";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
