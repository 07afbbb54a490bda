using System.Reflection;
using System.Runtime.Loader;

namespace DesignDrill.Storage.Tests;

public sealed class SqlitePclRedirectTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Should_open_a_store_in_this_process_with_the_module_initializers_redirect_installed()
    {
        // When
        using var store = new SqliteProgressStore(_folder.DatabasePath);

        // Then: the module initializer ran, and SQLite (3.35.5 in SQLitePCLRaw 2.0.6's bundle) answers
        SqlitePclRedirect.Installed.ShouldBeTrue();
        store.SqliteVersion.ShouldStartWith("3.");
    }

    [Fact]
    public void Should_let_microsoft_data_sqlite_10_run_on_sqlitepclraw_2_0_6_where_only_the_redirect_answers()
    {
        // Given: a fresh load context in which the redirect alone supplies the SQLitePCLRaw assemblies. (In the default
        // context of this test process the test host's own resolver answers first, by file name, so the redirect is not
        // reached there; in an executable it is — without it, Microsoft.Data.Sqlite fails with "Could not load file or
        // assembly 'SQLitePCLRaw.core, Version=2.1.13.3146'".)
        var context = new RedirectingContext();
        try
        {
            var sqlite = context.LoadFromAssemblyPath(Path.Combine(AppContext.BaseDirectory, "Microsoft.Data.Sqlite.dll"));
            var wanted = sqlite.GetReferencedAssemblies().Single(a => a.Name == "SQLitePCLRaw.core").Version!;

            // When: open an in-memory database and ask SQLite its version, all inside that context
            var connectionType = sqlite.GetType("Microsoft.Data.Sqlite.SqliteConnection", throwOnError: true)!;
            using var connection = (IDisposable)Activator.CreateInstance(connectionType, "Data Source=:memory:")!;
            connectionType.GetMethod("Open", Type.EmptyTypes)!.Invoke(connection, null);
            var command = connectionType.GetMethod("CreateCommand", Type.EmptyTypes)!.Invoke(connection, null)!;
            command.GetType().GetProperty("CommandText")!.SetValue(command, "SELECT sqlite_version()");
            var version = (string)command.GetType().GetMethod("ExecuteScalar", Type.EmptyTypes)!.Invoke(command, null)!;
            var core = context.Assemblies.Single(a => a.GetName().Name == "SQLitePCLRaw.core");

            // Then: Microsoft.Data.Sqlite asked for 2.1 or later and ran on the 2.0.6 the redirect loaded
            wanted.ShouldBeGreaterThanOrEqualTo(new Version(2, 1));
            context.Redirected.ShouldContain("SQLitePCLRaw.core");
            core.GetName().Version.ShouldBe(new Version(2, 0, 6, 1341));
            version.ShouldStartWith("3.");
        }
        finally
        {
            context.Unload();
        }
    }

    [Fact]
    public void Should_leave_other_assemblies_to_the_runtime()
    {
        // When
        var answer = SqlitePclRedirect.Resolve(AssemblyLoadContext.Default, new AssemblyName("Some.Other.Library, Version=1.0.0.0"));

        // Then
        answer.ShouldBeNull();
    }

    /// <summary>
    /// Loads Microsoft.Data.Sqlite from the application folder into itself, and every SQLitePCLRaw assembly through
    /// <see cref="SqlitePclRedirect.Resolve"/>, so the test sees what the redirect alone makes of the version mismatch.
    /// </summary>
    private sealed class RedirectingContext() : AssemblyLoadContext("sqlite-redirect-test", isCollectible: true)
    {
        public List<string> Redirected { get; } = [];

        protected override Assembly? Load(AssemblyName assemblyName)
        {
            if (assemblyName.Name?.StartsWith("SQLitePCLRaw", StringComparison.Ordinal) == true)
            {
                var assembly = SqlitePclRedirect.Resolve(this, assemblyName);
                if (assembly is not null)
                {
                    Redirected.Add(assemblyName.Name);
                }

                return assembly;
            }

            return null;
        }
    }
}
