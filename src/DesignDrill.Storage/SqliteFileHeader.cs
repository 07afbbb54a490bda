using System.Buffers.Binary;
using System.Text;

namespace DesignDrill.Storage;

/// <summary>
/// Checks a database file's first 100 bytes — the SQLite header — with plain file reads, before SQLite touches the
/// file, so that a file that is not an SQLite database, or one cut short, is refused without SQLite ever opening it
/// for writing. Offsets and rules: "Database File Format", section 1.3 (https://www.sqlite.org/fileformat.html).
/// </summary>
internal static class SqliteFileHeader
{
    /// <summary>Size of the database header in bytes (100; fileformat.html §1.3).</summary>
    internal const int HeaderSize = 100;

    /// <summary>The header string every SQLite 3 file starts with: "SQLite format 3" and a NUL (16 bytes).</summary>
    internal static readonly byte[] Magic = "SQLite format 3\0"u8.ToArray();

    /// <summary>
    /// Reads and checks the header of an existing file. Returns normally for an empty file (SQLite treats it as a new
    /// database) and for a plausible SQLite file.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="checkSize">
    /// Whether to check the file's size against the header. False when a hot journal lies beside the file: a commit
    /// interrupted by a crash may have left the file shorter than its new header says, and SQLite restores it from the
    /// journal when it opens it (https://www.sqlite.org/atomiccommit.html, "Hot Rollback Journals").
    /// </param>
    /// <returns>The header facts, or null for an empty file.</returns>
    /// <exception cref="ProgressStoreException">When the file is not an SQLite file or is cut short.</exception>
    internal static HeaderFacts? Inspect(string path, bool checkSize = true)
    {
        byte[] header;
        long length;
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
        {
            length = stream.Length;
            header = new byte[(int)Math.Min(HeaderSize, length)];
            stream.ReadExactly(header);
        }

        if (length == 0)
        {
            return null;
        }

        var prefix = Math.Min(header.Length, Magic.Length);
        if (!header.AsSpan(0, prefix).SequenceEqual(Magic.AsSpan(0, prefix)))
        {
            throw new ProgressStoreException(path, ProgressStoreProblem.NotADatabase, ProgressStoreMessages.NotSqlite(path, Describe(header)));
        }

        if (length < HeaderSize)
        {
            throw new ProgressStoreException(path, ProgressStoreProblem.Corrupt, ProgressStoreMessages.TooShort(path, length));
        }

        // Page size: 2 bytes big-endian at offset 16; the value 1 means 65,536; otherwise a power of two from 512 to 32,768.
        int pageSize = BinaryPrimitives.ReadUInt16BigEndian(header.AsSpan(16, 2));
        pageSize = pageSize == 1 ? 65536 : pageSize;
        if (pageSize < 512 || pageSize > 65536 || (pageSize & (pageSize - 1)) != 0)
        {
            throw new ProgressStoreException(path, ProgressStoreProblem.Corrupt, ProgressStoreMessages.BadPageSize(path, pageSize));
        }

        if (checkSize && length % pageSize != 0)
        {
            throw new ProgressStoreException(path, ProgressStoreProblem.Corrupt, ProgressStoreMessages.PartialPage(path, pageSize, length));
        }

        // The in-header database size (offset 28, pages) is valid when non-zero and the change counter (offset 24)
        // equals the version-valid-for number (offset 92), as every SQLite since 3.7.0 writes it.
        var pages = BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(28, 4));
        var changeCounter = BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(24, 4));
        var validFor = BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(92, 4));
        if (checkSize && pages != 0 && changeCounter == validFor && pages * (long)pageSize > length)
        {
            throw new ProgressStoreException(path, ProgressStoreProblem.Corrupt, ProgressStoreMessages.Truncated(path, pages, pageSize, length));
        }

        return new HeaderFacts(
            pageSize,
            BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(60, 4)),
            BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(68, 4)));
    }

    /// <summary>The first bytes of a file, quoted for a message: printable ASCII as text, otherwise hex.</summary>
    private static string Describe(byte[] header)
    {
        var start = header.AsSpan(0, Math.Min(16, header.Length));
        var printable = start.ToArray().All(b => b is >= 0x20 and < 0x7F or (byte)'\n' or (byte)'\r' or (byte)'\t');
        return printable
            ? "\"" + Encoding.ASCII.GetString(start).ReplaceLineEndings(" ").Replace("\t", " ", StringComparison.Ordinal) + "\""
            : "the bytes " + Convert.ToHexString(start);
    }

    /// <summary>What the header says.</summary>
    /// <param name="PageSize">Page size in bytes.</param>
    /// <param name="UserVersion">The <c>user_version</c> at offset 60: DesignDrill's schema version.</param>
    /// <param name="ApplicationId">The <c>application_id</c> at offset 68.</param>
    internal sealed record HeaderFacts(int PageSize, int UserVersion, int ApplicationId);
}
