using DesignDrill.Storage.Migrations;
using Microsoft.Data.Sqlite;

namespace DesignDrill.Storage;

/// <summary>Opening: the checks that keep a damaged, foreign or newer file untouched, and the migrations.</summary>
public sealed partial class SqliteProgressStore
{
    /// <summary>
    /// DesignDrill's SQLite <c>application_id</c> (header offset 68): 0x4444526C, the ASCII bytes "DDRl". SQLite
    /// reserves the field for exactly this — telling an application's files from other SQLite files
    /// (https://www.sqlite.org/pragma.html#pragma_application_id); the value is ours, chosen not to clash with the
    /// registered ones in SQLite's <c>magic.txt</c>.
    /// </summary>
    public const int ApplicationId = 0x4444526C;

    /// <summary>
    /// How long an operation waits for another program's lock before failing with
    /// <see cref="ProgressStoreProblem.Locked"/>: 5 seconds (rule of thumb: far longer than any write DesignDrill makes,
    /// short enough that a person is not left staring at a frozen prompt).
    /// </summary>
    public const int DefaultBusyTimeoutSeconds = 5;

    /// <summary>The schema version this build creates and understands (the highest embedded migration).</summary>
    public static int LatestSchemaVersion => MigrationSet.Embedded.LatestVersion;

    private static SqliteConnection Open(string path, MigrationSet migrations, int busyTimeoutSeconds, out string? backupPath)
    {
        backupPath = null;
        if (Directory.Exists(path))
        {
            throw new ProgressStoreException(path, ProgressStoreProblem.CannotCreate, ProgressStoreMessages.CannotOpen(path, "it is a folder, not a file"));
        }

        var exists = File.Exists(path);
        if (exists)
        {
            InspectExisting(path, migrations.LatestVersion);
        }
        else
        {
            CreateFolder(path);
        }

        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = exists ? SqliteOpenMode.ReadWrite : SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            ForeignKeys = true,
            DefaultTimeout = busyTimeoutSeconds,
        }.ToString());
        try
        {
            connection.Open();
            var (version, applicationId) = ReadVersion(connection, null);
            CheckIdentity(connection, path, version, applicationId, migrations.LatestVersion);
            if (version > 0)
            {
                CheckIntegrity(connection, path);
            }

            if (version < migrations.LatestVersion)
            {
                backupPath = Migrate(connection, path, migrations);
            }

            return connection;
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            throw Translate(path, e);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Checks an existing file before SQLite opens it for writing: its header (plain reads), that its schema is not
    /// newer than this build's nor another program's, and that it can be written.
    /// </summary>
    private static void InspectExisting(string path, int latestVersion)
    {
        var journal = new FileInfo(path + "-journal");
        var hotJournal = journal.Exists && journal.Length > 0;
        var header = Guarded(path, () => SqliteFileHeader.Inspect(path, checkSize: !hotJournal));
        if (header is not null)
        {
            if (header.UserVersion > latestVersion)
            {
                throw new ProgressStoreException(path, ProgressStoreProblem.NewerVersion, ProgressStoreMessages.NewerVersion(path, header.UserVersion, latestVersion));
            }

            if (header.ApplicationId != 0 && header.ApplicationId != ApplicationId)
            {
                throw new ProgressStoreException(path, ProgressStoreProblem.NotDesignDrill, ProgressStoreMessages.ForeignApplication(path, header.ApplicationId));
            }
        }

        // Opening for writing changes nothing in the file; it tells whether the store will be able to save.
        Guarded(path, () =>
        {
            using var probe = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
            return true;
        });
    }

    /// <summary>Runs a file-system step, turning a denied access into <see cref="ProgressStoreProblem.ReadOnly"/> and a sharing clash into <see cref="ProgressStoreProblem.Locked"/>.</summary>
    private static T Guarded<T>(string path, Func<T> step)
    {
        try
        {
            return step();
        }
        catch (UnauthorizedAccessException e)
        {
            throw new ProgressStoreException(path, ProgressStoreProblem.ReadOnly, ProgressStoreMessages.ReadOnly(path, "permission denied"), e);
        }
        catch (IOException e) when (e is not FileNotFoundException and not DirectoryNotFoundException)
        {
            throw new ProgressStoreException(path, ProgressStoreProblem.Locked, ProgressStoreMessages.Locked(path), e);
        }
    }

    /// <summary>
    /// Refuses a database that is newer or another program's, as SQLite reports it (the header check may not see a
    /// version still in a journal).
    /// </summary>
    private static void CheckIdentity(SqliteConnection connection, string path, int version, int applicationId, int latestVersion)
    {
        if (version > latestVersion)
        {
            throw new ProgressStoreException(path, ProgressStoreProblem.NewerVersion, ProgressStoreMessages.NewerVersion(path, version, latestVersion));
        }

        if (applicationId != 0 && applicationId != ApplicationId)
        {
            throw new ProgressStoreException(path, ProgressStoreProblem.NotDesignDrill, ProgressStoreMessages.ForeignApplication(path, applicationId));
        }

        if (applicationId == 0)
        {
            var tables = new List<string>();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                tables.Add(reader.GetString(0));
            }

            if (tables.Count > 0)
            {
                throw new ProgressStoreException(path, ProgressStoreProblem.NotDesignDrill, ProgressStoreMessages.ForeignTables(path, string.Join(", ", tables.Take(5))));
            }
        }
    }

    /// <summary>Runs SQLite's <c>PRAGMA quick_check</c>: reads every page, writes nothing.</summary>
    private static void CheckIntegrity(SqliteConnection connection, string path)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA quick_check(1)";
        var result = command.ExecuteScalar() as string;
        if (!string.Equals(result, "ok", StringComparison.Ordinal))
        {
            throw new ProgressStoreException(path, ProgressStoreProblem.Corrupt, ProgressStoreMessages.IntegrityCheckFailed(path, result ?? "no answer"));
        }
    }

    /// <summary>
    /// Applies the pending migrations in one IMMEDIATE transaction (all or nothing), after copying a database that
    /// already holds data to <c>progress.db.bak-v{old}</c>. Sets <c>user_version</c> and <c>application_id</c>.
    /// </summary>
    /// <returns>The backup's path, or null when there was nothing to back up.</returns>
    private static string? Migrate(SqliteConnection connection, string path, MigrationSet migrations)
    {
        using var transaction = connection.BeginTransaction(deferred: false);
        var (version, _) = ReadVersion(connection, transaction);
        string? backup = null;
        if (version >= migrations.LatestVersion)
        {
            transaction.Commit();
            return null;
        }

        if (version > 0)
        {
            // The IMMEDIATE transaction holds SQLite's RESERVED lock and has written nothing yet, so the file is
            // complete and no other connection can change it while it is copied.
            backup = FreeBackupPath(path, version);
            File.Copy(path, backup, overwrite: false);
        }

        foreach (var migration in migrations.After(version))
        {
            Execute(connection, transaction, migration.Sql);
        }

        Execute(connection, transaction, $"PRAGMA application_id = {ApplicationId}; PRAGMA user_version = {migrations.LatestVersion};");
        transaction.Commit();
        return backup;
    }

    /// <summary><c>progress.db.bak-v1</c>, or <c>progress.db.bak-v1-2</c>, <c>-3</c>, … when that exists already.</summary>
    private static string FreeBackupPath(string path, int version)
    {
        var candidate = $"{path}.bak-v{version}";
        for (var n = 2; File.Exists(candidate); n++)
        {
            candidate = $"{path}.bak-v{version}-{n}";
        }

        return candidate;
    }

    private static (int Version, int ApplicationId) ReadVersion(SqliteConnection connection, SqliteTransaction? transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "PRAGMA user_version";
        var version = Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        command.CommandText = "PRAGMA application_id";
        var applicationId = Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        return (version, applicationId);
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static void CreateFolder(string path)
    {
        var folder = System.IO.Path.GetDirectoryName(path);
        if (string.IsNullOrEmpty(folder))
        {
            return;
        }

        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ProgressStoreException(path, ProgressStoreProblem.CannotCreate, ProgressStoreMessages.CannotCreateFolder(path, folder, e.Message), e);
        }
    }

    /// <summary>Turns an SQLite error into a message for the person, by its primary result code (https://www.sqlite.org/rescode.html).</summary>
    internal static ProgressStoreException Translate(string path, SqliteException e) => (e.SqliteErrorCode & 0xFF) switch
    {
        5 or 6 => new(path, ProgressStoreProblem.Locked, ProgressStoreMessages.Locked(path), e), // SQLITE_BUSY, SQLITE_LOCKED
        3 or 8 or 23 => new(path, ProgressStoreProblem.ReadOnly, ProgressStoreMessages.ReadOnly(path, e.Message), e), // PERM, READONLY, AUTH
        11 or 26 => new(path, ProgressStoreProblem.Corrupt, ProgressStoreMessages.Malformed(path, e.Message), e), // CORRUPT, NOTADB
        13 => new(path, ProgressStoreProblem.DiskFull, ProgressStoreMessages.DiskFull(path), e), // SQLITE_FULL
        14 => new(path, ProgressStoreProblem.CannotCreate, ProgressStoreMessages.CannotOpen(path, e.Message), e), // SQLITE_CANTOPEN
        _ => new(path, ProgressStoreProblem.Failed, ProgressStoreMessages.Failed(path, e.Message), e),
    };
}
