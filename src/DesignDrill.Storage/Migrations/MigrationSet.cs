using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;

namespace DesignDrill.Storage.Migrations;

/// <summary>One versioned schema migration: the SQL that takes the database from version <c>Version − 1</c> to <c>Version</c>.</summary>
/// <param name="Version">The schema version the migration produces, from 1.</param>
/// <param name="Name">The file name, e.g. <c>0001_initial.sql</c>.</param>
/// <param name="Sql">The SQL, one or more statements.</param>
internal sealed record Migration(int Version, string Name, string Sql);

/// <summary>
/// The ordered migrations of the schema. The embedded set is read from <c>Migrations/NNNN_name.sql</c>; the number is the
/// version the file produces, and the numbers must run 1, 2, 3, … without gaps.
/// </summary>
internal sealed partial class MigrationSet
{
    private const string ResourcePrefix = "DesignDrill.Storage.Migrations.";

    private MigrationSet(IReadOnlyList<Migration> migrations)
    {
        Migrations = migrations;
    }

    /// <summary>The migrations compiled into this assembly.</summary>
    internal static MigrationSet Embedded { get; } = LoadEmbedded();

    /// <summary>The migrations, in version order.</summary>
    internal IReadOnlyList<Migration> Migrations { get; }

    /// <summary>The highest schema version the set produces.</summary>
    internal int LatestVersion => Migrations.Count == 0 ? 0 : Migrations[^1].Version;

    /// <summary>Builds a set from named SQL texts (names like <c>0002_add_tags.sql</c>).</summary>
    /// <param name="files">The files, in any order.</param>
    /// <returns>The set, in version order.</returns>
    /// <exception cref="InvalidOperationException">When a name has no number, or the numbers do not run 1, 2, 3, … (a build mistake).</exception>
    internal static MigrationSet From(IEnumerable<(string Name, string Sql)> files)
    {
        var migrations = files
            .Select(f =>
            {
                var match = NamePattern().Match(f.Name);
                return match.Success
                    ? new Migration(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), f.Name, f.Sql)
                    : throw new InvalidOperationException($"Migration '{f.Name}' is not named NNNN_description.sql.");
            })
            .OrderBy(m => m.Version)
            .ToList();
        for (var i = 0; i < migrations.Count; i++)
        {
            if (migrations[i].Version != i + 1)
            {
                throw new InvalidOperationException($"Migration '{migrations[i].Name}' should be version {i + 1}: versions must run 1, 2, 3, … without gaps.");
            }
        }

        return new MigrationSet(migrations);
    }

    /// <summary>The migrations after <paramref name="version"/>, in order.</summary>
    /// <param name="version">The database's current version.</param>
    /// <returns>The migrations to apply.</returns>
    internal IEnumerable<Migration> After(int version) => Migrations.Where(m => m.Version > version);

    private static MigrationSet LoadEmbedded()
    {
        var assembly = typeof(MigrationSet).Assembly;
        return From(assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n => (n[ResourcePrefix.Length..], Read(assembly, n))));
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded migration '{resource}' is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"^(\d{4})_[A-Za-z0-9_]+\.sql$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
