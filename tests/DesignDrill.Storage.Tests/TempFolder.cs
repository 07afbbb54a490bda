using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;

namespace DesignDrill.Storage.Tests;

/// <summary>A fresh folder under the system temp folder for one test, deleted with everything in it on dispose.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        FolderPath = Path.Combine(Path.GetTempPath(), "designdrill-storage-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(FolderPath);
    }

    public string FolderPath { get; }

    /// <summary>The path of <c>progress.db</c> in the folder (not created).</summary>
    public string DatabasePath => File("progress.db");

    public string File(string name) => Path.Combine(FolderPath, name);

    public void Dispose()
    {
        if (Directory.Exists(FolderPath))
        {
            Directory.Delete(FolderPath, recursive: true);
        }
    }
}

/// <summary>Helpers that look at database files from outside the store.</summary>
internal static class DbFile
{
    /// <summary>SHA-256 of a file's bytes, to show a file was left unchanged.</summary>
    public static string Hash(string path) => Convert.ToHexString(SHA256.HashData(System.IO.File.ReadAllBytes(path)));

    /// <summary>
    /// A raw SQLite connection for setting up a test (another program's database, a lock). Runs the storage assembly's
    /// module initializer first, since the SQLitePCLRaw load redirect lives there (SqlitePclRedirect).
    /// </summary>
    public static SqliteConnection OpenRaw(string path)
    {
        RuntimeHelpers.RunModuleConstructor(typeof(SqliteProgressStore).Module.ModuleHandle);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    public static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    /// <summary>Writes a 4-byte big-endian integer into the header at <paramref name="offset"/> (60 user_version, 68 application_id).</summary>
    public static void PatchHeader(string path, int offset, int value)
    {
        var bytes = System.IO.File.ReadAllBytes(path);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(offset, 4), value);
        System.IO.File.WriteAllBytes(path, bytes);
    }
}
