using DesignDrill.Storage.Migrations;
using Microsoft.Data.Sqlite;

namespace DesignDrill.Storage.Tests;

/// <summary>Opening a database file: creating, migrating, and refusing — unchanged — what cannot be used.</summary>
public sealed class OpeningTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Should_create_the_folder_and_the_schema_for_a_new_file()
    {
        // Given
        var path = Path.Combine(_folder.FolderPath, "nested", "deeper", "progress.db");

        // When
        using (var store = new SqliteProgressStore(path))
        {
            store.SchemaVersion.ShouldBe(SqliteProgressStore.LatestSchemaVersion);
            store.BackupPath.ShouldBeNull();
            store.Path.ShouldBe(path);
        }

        // Then
        SchemaOf(path).ShouldBe((SqliteProgressStore.LatestSchemaVersion, SqliteProgressStore.ApplicationId));
        TablesOf(path).ShouldBe(["cards", "review_log", "session_journals", "session_scores", "sessions"]);
    }

    [Fact]
    public void Should_migrate_an_empty_file()
    {
        // Given: a zero-byte file, which SQLite treats as an empty database
        File.WriteAllBytes(_folder.DatabasePath, []);

        // When
        using (var store = new SqliteProgressStore(_folder.DatabasePath))
        {
            store.SaveSession(Sessions.Make("chat", Sessions.Day0));
            store.BackupPath.ShouldBeNull();
        }

        // Then
        SchemaOf(_folder.DatabasePath).ShouldBe((SqliteProgressStore.LatestSchemaVersion, SqliteProgressStore.ApplicationId));
        Directory.GetFiles(_folder.FolderPath).ShouldBe([_folder.DatabasePath]);
    }

    [Fact]
    public void Should_reopen_a_current_database_without_migrating_or_backing_up()
    {
        // Given
        using (var store = new SqliteProgressStore(_folder.DatabasePath))
        {
            store.SaveSession(Sessions.Make("chat", Sessions.Day0));
        }

        var before = DbFile.Hash(_folder.DatabasePath);

        // When
        for (var i = 0; i < 3; i++)
        {
            using var store = new SqliteProgressStore(_folder.DatabasePath);
            store.BackupPath.ShouldBeNull();
            store.ListSessions().Count.ShouldBe(1);
        }

        // Then
        DbFile.Hash(_folder.DatabasePath).ShouldBe(before);
        Directory.GetFiles(_folder.FolderPath).ShouldBe([_folder.DatabasePath]);
    }

    [Fact]
    public void Should_back_up_an_older_database_before_migrating_it()
    {
        // Given: a current database with a session, and a build that knows one version more
        var current = SqliteProgressStore.LatestSchemaVersion;
        using (var store = new SqliteProgressStore(_folder.DatabasePath))
        {
            store.SaveSession(Sessions.Make("chat", Sessions.Day0));
        }

        var original = File.ReadAllBytes(_folder.DatabasePath);
        var withNext = WithExtraMigration("ALTER TABLE sessions ADD COLUMN tags TEXT NOT NULL DEFAULT '';");

        // When
        string? backup;
        using (var store = new SqliteProgressStore(_folder.DatabasePath, withNext, 1))
        {
            backup = store.BackupPath;
            store.SchemaVersion.ShouldBe(current + 1);
            store.ListSessions().Count.ShouldBe(1);
        }

        using (var again = new SqliteProgressStore(_folder.DatabasePath, withNext, 1))
        {
            again.BackupPath.ShouldBeNull();
        }

        // Then
        backup.ShouldBe(_folder.DatabasePath + $".bak-v{current}");
        File.ReadAllBytes(backup!).ShouldBe(original);
        SchemaOf(_folder.DatabasePath).ShouldBe((current + 1, SqliteProgressStore.ApplicationId));
        using var old = new SqliteProgressStore(backup!);
        old.ListSessions().Count.ShouldBe(1);
    }

    [Fact]
    public void Should_leave_the_database_at_its_version_when_a_migration_fails()
    {
        // Given
        using (var store = new SqliteProgressStore(_folder.DatabasePath))
        {
            store.SaveSession(Sessions.Make("chat", Sessions.Day0));
        }

        var broken = WithExtraMigration("ALTER TABLE no_such_table ADD COLUMN x TEXT;");

        // When
        var error = Should.Throw<ProgressStoreException>(() => new SqliteProgressStore(_folder.DatabasePath, broken, 1));
        var fixedSet = WithExtraMigration("CREATE TABLE tags (name TEXT);");
        using var retried = new SqliteProgressStore(_folder.DatabasePath, fixedSet, 1);

        // Then: all or nothing, and the second attempt keeps the first backup
        error.Problem.ShouldBe(ProgressStoreProblem.Failed);
        error.Message.ShouldContain(_folder.DatabasePath);
        error.Message.ShouldContain("no such table");
        retried.ListSessions().Count.ShouldBe(1);
        retried.BackupPath.ShouldBe(_folder.DatabasePath + $".bak-v{SqliteProgressStore.LatestSchemaVersion}-2");
        File.Exists(_folder.DatabasePath + $".bak-v{SqliteProgressStore.LatestSchemaVersion}").ShouldBeTrue();
    }

    [Fact]
    public void Should_refuse_random_bytes_unchanged()
    {
        // Given
        var bytes = new byte[8192];
        new Random(42).NextBytes(bytes);
        File.WriteAllBytes(_folder.DatabasePath, bytes);

        // When
        var error = Should.Throw<ProgressStoreException>(() => new SqliteProgressStore(_folder.DatabasePath));

        // Then
        error.Problem.ShouldBe(ProgressStoreProblem.NotADatabase);
        error.Path.ShouldBe(_folder.DatabasePath);
        error.Message.ShouldStartWith($"'{_folder.DatabasePath}' is not a DesignDrill progress database: it is not an SQLite database file (it starts with the bytes ");
        error.Message.ShouldContain("DesignDrill has not changed it.");
        error.Message.ShouldContain("Move the file somewhere else to start with empty progress, or set DESIGNDRILL_DATA to another folder.");
        File.ReadAllBytes(_folder.DatabasePath).ShouldBe(bytes);
        Directory.GetFiles(_folder.FolderPath).ShouldBe([_folder.DatabasePath]);
    }

    [Fact]
    public void Should_refuse_a_text_file_unchanged_and_quote_its_start()
    {
        // Given
        const string text = "my notes about system design\nnot a database\n";
        File.WriteAllText(_folder.DatabasePath, text);
        var before = DbFile.Hash(_folder.DatabasePath);

        // When
        var error = Should.Throw<ProgressStoreException>(() => new SqliteProgressStore(_folder.DatabasePath));

        // Then
        error.Problem.ShouldBe(ProgressStoreProblem.NotADatabase);
        error.Message.ShouldBe(
            $"'{_folder.DatabasePath}' is not a DesignDrill progress database: it is not an SQLite database file (it starts with \"my notes about s\" instead of \"SQLite format 3\"). " +
            "DesignDrill has not changed it. Move the file somewhere else to start with empty progress, or set DESIGNDRILL_DATA to another folder.");
        DbFile.Hash(_folder.DatabasePath).ShouldBe(before);
    }

    [Theory]
    [InlineData("whole pages", "its header says ")]
    [InlineData("mid-page", "is not a whole number of 4096-byte pages")]
    [InlineData("mid-header", "it has the SQLite header but only 50 bytes")]
    public void Should_refuse_a_truncated_database_unchanged(string cutAt, string expected)
    {
        // Given: a database of several 4096-byte pages, cut short
        using (var store = new SqliteProgressStore(_folder.DatabasePath))
        {
            for (var i = 0; i < 20; i++)
            {
                store.SaveSession(Sessions.Make("chat", Sessions.Day0.AddDays(i)) with { DesignText = new string('x', 3000) });
            }
        }

        var full = File.ReadAllBytes(_folder.DatabasePath);
        var length = cutAt switch
        {
            "whole pages" => full.Length / 2 / 4096 * 4096,
            "mid-page" => (full.Length / 2 / 4096 * 4096) + 1000,
            _ => 50,
        };
        var cut = full[..length];
        File.WriteAllBytes(_folder.DatabasePath, cut);

        // When
        var error = Should.Throw<ProgressStoreException>(() => new SqliteProgressStore(_folder.DatabasePath));

        // Then
        error.Problem.ShouldBe(ProgressStoreProblem.Corrupt);
        error.Message.ShouldStartWith($"'{_folder.DatabasePath}' is damaged: ");
        error.Message.ShouldContain(expected);
        error.Message.ShouldContain("DesignDrill has not changed it.");
        error.Message.ShouldContain("If a backup exists ('progress.db.bak-v…' beside it), copy it over the file; otherwise move the file somewhere else");
        File.ReadAllBytes(_folder.DatabasePath).ShouldBe(cut);
    }

    [Fact]
    public void Should_refuse_a_database_with_damaged_pages_unchanged()
    {
        // Given: a database whose pages after the first are overwritten with garbage, the size kept
        using (var store = new SqliteProgressStore(_folder.DatabasePath))
        {
            for (var i = 0; i < 20; i++)
            {
                store.SaveSession(Sessions.Make("chat", Sessions.Day0.AddDays(i)) with { DesignText = new string('x', 3000) });
            }
        }

        var bytes = File.ReadAllBytes(_folder.DatabasePath);
        var garbage = new byte[bytes.Length - 4096];
        new Random(7).NextBytes(garbage);
        garbage.CopyTo(bytes, 4096);
        File.WriteAllBytes(_folder.DatabasePath, bytes);

        // When
        var error = Should.Throw<ProgressStoreException>(() => new SqliteProgressStore(_folder.DatabasePath));

        // Then
        error.Problem.ShouldBe(ProgressStoreProblem.Corrupt);
        error.Message.ShouldStartWith($"'{_folder.DatabasePath}' is damaged: ");
        error.Message.ShouldContain("DesignDrill has not changed it.");
        File.ReadAllBytes(_folder.DatabasePath).ShouldBe(bytes);
    }

    [Fact]
    public void Should_refuse_a_database_from_a_newer_designdrill_unchanged()
    {
        // Given: a database whose schema version (PRAGMA user_version, header offset 60) is 7
        using (var store = new SqliteProgressStore(_folder.DatabasePath))
        {
            store.SaveSession(Sessions.Make("chat", Sessions.Day0));
        }

        DbFile.PatchHeader(_folder.DatabasePath, 60, 7);
        var before = DbFile.Hash(_folder.DatabasePath);

        // When
        var error = Should.Throw<ProgressStoreException>(() => new SqliteProgressStore(_folder.DatabasePath));

        // Then
        error.Problem.ShouldBe(ProgressStoreProblem.NewerVersion);
        error.Message.ShouldBe(
            $"'{_folder.DatabasePath}' was written by a newer DesignDrill (schema 7; this version knows up to {SqliteProgressStore.LatestSchemaVersion}). DesignDrill has not changed it. " +
            "Update DesignDrill to use it, or set DESIGNDRILL_DATA to another folder to keep separate progress with this version.");
        DbFile.Hash(_folder.DatabasePath).ShouldBe(before);
        Directory.GetFiles(_folder.FolderPath).ShouldBe([_folder.DatabasePath]);
    }

    [Fact]
    public void Should_refuse_another_programs_sqlite_database_unchanged()
    {
        // Given: an SQLite database with its own table and no DesignDrill schema
        using (var raw = DbFile.OpenRaw(_folder.DatabasePath))
        {
            DbFile.Scalar(raw, "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ('keep me');");
        }

        var before = DbFile.Hash(_folder.DatabasePath);

        // When
        var error = Should.Throw<ProgressStoreException>(() => new SqliteProgressStore(_folder.DatabasePath));

        // Then
        error.Problem.ShouldBe(ProgressStoreProblem.NotDesignDrill);
        error.Message.ShouldContain("is an SQLite database, but not a DesignDrill progress database: it has tables (notes)");
        error.Message.ShouldContain("DesignDrill has not changed it.");
        DbFile.Hash(_folder.DatabasePath).ShouldBe(before);
    }

    [Fact]
    public void Should_refuse_a_database_with_another_application_id_unchanged()
    {
        // Given
        using (var raw = DbFile.OpenRaw(_folder.DatabasePath))
        {
            DbFile.Scalar(raw, "PRAGMA application_id = 1234; CREATE TABLE t (x);");
        }

        var before = DbFile.Hash(_folder.DatabasePath);

        // When
        var error = Should.Throw<ProgressStoreException>(() => new SqliteProgressStore(_folder.DatabasePath));

        // Then
        error.Problem.ShouldBe(ProgressStoreProblem.NotDesignDrill);
        error.Message.ShouldContain("is an SQLite database of another program (application id 0x000004D2)");
        DbFile.Hash(_folder.DatabasePath).ShouldBe(before);
    }

    [Fact]
    public void Should_say_the_database_is_locked_when_another_program_holds_it()
    {
        // Given: another connection holds an exclusive lock
        using (var store = new SqliteProgressStore(_folder.DatabasePath))
        {
            store.SaveSession(Sessions.Make("chat", Sessions.Day0));
        }

        var before = DbFile.Hash(_folder.DatabasePath);
        using var other = DbFile.OpenRaw(_folder.DatabasePath);
        DbFile.Scalar(other, "BEGIN EXCLUSIVE");

        // When
        var error = Should.Throw<ProgressStoreException>(() => new SqliteProgressStore(_folder.DatabasePath, MigrationSet.Embedded, busyTimeoutSeconds: 1));

        // Then
        error.Problem.ShouldBe(ProgressStoreProblem.Locked);
        error.Message.ShouldBe(
            $"'{_folder.DatabasePath}' is locked by another program (another DesignDrill session or web studio, or a database tool with a transaction open). " +
            "Close it and try again, or set DESIGNDRILL_DATA to another folder.");
        DbFile.Scalar(other, "ROLLBACK");
        DbFile.Hash(_folder.DatabasePath).ShouldBe(before);
    }

    [Fact]
    public void Should_say_a_save_failed_because_another_program_holds_the_lock()
    {
        // Given
        using var store = new SqliteProgressStore(_folder.DatabasePath, MigrationSet.Embedded, busyTimeoutSeconds: 1);
        using var other = DbFile.OpenRaw(_folder.DatabasePath);
        DbFile.Scalar(other, "BEGIN EXCLUSIVE");

        // When
        var error = Should.Throw<ProgressStoreException>(() => store.SaveSession(Sessions.Make("chat", Sessions.Day0)));
        DbFile.Scalar(other, "ROLLBACK");

        // Then
        error.Problem.ShouldBe(ProgressStoreProblem.Locked);
        store.ListSessions().ShouldBeEmpty();
    }

    [Theory]
    [InlineData(8, "attempt to write a readonly database", ProgressStoreProblem.ReadOnly, "cannot be written (attempt to write a readonly database). Make the file and its folder writable (on Linux or macOS: chmod u+w), or set DESIGNDRILL_DATA to a writable folder.")]
    [InlineData(3, "access permission denied", ProgressStoreProblem.ReadOnly, "cannot be written (access permission denied).")]
    [InlineData(13, "database or disk is full", ProgressStoreProblem.DiskFull, "cannot be written: the disk is full.")]
    [InlineData(11, "database disk image is malformed", ProgressStoreProblem.Corrupt, "is damaged: SQLite cannot read it (database disk image is malformed).")]
    [InlineData(14, "unable to open database file", ProgressStoreProblem.CannotCreate, "cannot be opened (unable to open database file).")]
    [InlineData(1, "something else", ProgressStoreProblem.Failed, "could not be used: something else.")]
    public void Should_explain_sqlite_failures_in_the_persons_terms(int code, string sqliteMessage, ProgressStoreProblem problem, string expected)
    {
        // Given: running as root here, a read-only file cannot be made, so the translation is tested on SQLite's own errors
        const string path = "/data/progress.db";

        // When
        var error = SqliteProgressStore.Translate(path, new SqliteException(sqliteMessage, code));

        // Then
        error.Problem.ShouldBe(problem);
        error.Path.ShouldBe(path);
        error.Message.ShouldStartWith($"'{path}' ");
        error.Message.ShouldContain(expected);
    }

    [Fact]
    public void Should_say_the_folder_cannot_be_created()
    {
        // Given: the folder would have to be created inside a file
        var file = _folder.File("a-file");
        File.WriteAllText(file, "x");
        var path = Path.Combine(file, "sub", "progress.db");

        // When
        var error = Should.Throw<ProgressStoreException>(() => new SqliteProgressStore(path));

        // Then
        error.Problem.ShouldBe(ProgressStoreProblem.CannotCreate);
        error.Message.ShouldStartWith($"'{path}' cannot be created: its folder '{Path.Combine(file, "sub")}' could not be made (");
        error.Message.ShouldEndWith("Create the folder yourself, or set DESIGNDRILL_DATA to a writable folder.");
    }

    [Fact]
    public void Should_say_a_folder_is_not_a_database_file()
    {
        // When
        var error = Should.Throw<ProgressStoreException>(() => new SqliteProgressStore(_folder.FolderPath));

        // Then
        error.Message.ShouldContain("it is a folder, not a file");
    }

    /// <summary>The embedded migrations and one more, numbered after the latest.</summary>
    private static MigrationSet WithExtraMigration(string sql) =>
        MigrationSet.From(MigrationSet.Embedded.Migrations.Select(m => (m.Name, m.Sql)).Append(($"{SqliteProgressStore.LatestSchemaVersion + 1:0000}_test.sql", sql)));

    private static (long Version, long ApplicationId) SchemaOf(string path)
    {
        using var raw = DbFile.OpenRaw(path);
        return ((long)DbFile.Scalar(raw, "PRAGMA user_version")!, (long)DbFile.Scalar(raw, "PRAGMA application_id")!);
    }

    private static List<string> TablesOf(string path)
    {
        using var raw = DbFile.OpenRaw(path);
        using var command = raw.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name";
        using var reader = command.ExecuteReader();
        var names = new List<string>();
        while (reader.Read())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }
}
