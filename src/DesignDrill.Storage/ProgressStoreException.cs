namespace DesignDrill.Storage;

/// <summary>What kind of problem a <see cref="ProgressStoreException"/> reports.</summary>
public enum ProgressStoreProblem
{
    /// <summary>The file is not an SQLite database at all (random bytes, a text file).</summary>
    NotADatabase,

    /// <summary>The file is an SQLite database, but another program's, not DesignDrill's.</summary>
    NotDesignDrill,

    /// <summary>The file is a damaged SQLite database: truncated, or failing SQLite's integrity check.</summary>
    Corrupt,

    /// <summary>The database was written by a newer DesignDrill, with a schema this version does not know.</summary>
    NewerVersion,

    /// <summary>Another program holds a lock on the database for longer than the store waits.</summary>
    Locked,

    /// <summary>The file or its folder cannot be written.</summary>
    ReadOnly,

    /// <summary>The folder or the file could not be created.</summary>
    CannotCreate,

    /// <summary>The disk is full.</summary>
    DiskFull,

    /// <summary>Any other failure of the database engine or the file system.</summary>
    Failed,
}

/// <summary>
/// The progress database cannot be used: it is damaged, another program's, newer than this build, locked, read-only,
/// or its folder cannot be created. The message names the file, says what is wrong and what the person can do. The
/// store never overwrites or repairs the file when it throws this on opening.
/// </summary>
/// <example>
/// <code>
/// '/home/ana/.local/share/DesignDrill/progress.db' is not a DesignDrill progress database: it is not an SQLite
/// database file (it starts with "hello, world" instead of "SQLite format 3"). DesignDrill has not changed it. Move
/// the file somewhere else to start with empty progress, or set DESIGNDRILL_DATA to another folder.
/// </code>
/// </example>
public sealed class ProgressStoreException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="path">The database file (or folder) concerned.</param>
    /// <param name="problem">What kind of problem it is.</param>
    /// <param name="message">The message for the person: the file, what is wrong, what to do.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public ProgressStoreException(string path, ProgressStoreProblem problem, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Path = path;
        Problem = problem;
    }

    /// <summary>The database file (or folder) concerned.</summary>
    public string Path { get; }

    /// <summary>What kind of problem it is.</summary>
    public ProgressStoreProblem Problem { get; }
}
