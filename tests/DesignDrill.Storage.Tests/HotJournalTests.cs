using System.Buffers.Binary;

namespace DesignDrill.Storage.Tests;

public sealed class HotJournalTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Should_let_sqlite_recover_a_database_left_mid_commit_by_a_crash()
    {
        // Given: a store with one session; another program's big transaction spills its pages into the file, and the
        // file and its hot journal are copied as a crash during the commit would leave them: page 1 already written
        // with the new page count (SQLite writes pages in order), the file cut short of that size
        using (var store = new SqliteProgressStore(_folder.DatabasePath))
        {
            store.SaveSession(Sessions.Make("chat", Sessions.Day0));
        }

        var crashed = _folder.File("crashed.db");
        using (var other = DbFile.OpenRaw(_folder.DatabasePath))
        {
            DbFile.Scalar(other, "PRAGMA cache_size = 2; BEGIN; CREATE TABLE filler (x TEXT);");
            for (var i = 0; i < 200; i++)
            {
                DbFile.Scalar(other, $"INSERT INTO filler VALUES (printf('%.4000c', 'x')) -- {i}");
            }

            File.Copy(_folder.DatabasePath, crashed);
            File.Copy(_folder.DatabasePath + "-journal", crashed + "-journal");
            DbFile.Scalar(other, "ROLLBACK");
        }

        var bytes = File.ReadAllBytes(crashed);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(28, 4), bytes.Length / 4096);
        File.WriteAllBytes(crashed, bytes[..(bytes.Length / 2 / 4096 * 4096)]);

        // When: without the journal beside it, the same file is refused as cut short
        var withoutJournal = _folder.File("no-journal.db");
        File.Copy(crashed, withoutJournal);
        var refused = Should.Throw<ProgressStoreException>(() => new SqliteProgressStore(withoutJournal));
        using var recovered = new SqliteProgressStore(crashed);

        // Then: with it, SQLite rolls the commit back and the session is there
        refused.Message.ShouldContain("its header says");
        recovered.ListSessions().ShouldHaveSingleItem().PromptId.ShouldBe("chat");
        File.Exists(crashed + "-journal").ShouldBeFalse();
    }
}
