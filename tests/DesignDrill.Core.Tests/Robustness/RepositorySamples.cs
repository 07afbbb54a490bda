namespace DesignDrill.Core.Tests.Robustness;

/// <summary>The design documents under <c>samples/</c> and <c>samples/flawed/</c>, read from the repository checkout.</summary>
internal static class RepositorySamples
{
    private static readonly Lazy<IReadOnlyList<(string Name, string Text)>> All = new(Load);

    /// <summary>Every sample, good ones first, each with its path relative to <c>samples/</c>.</summary>
    public static IReadOnlyList<(string Name, string Text)> Documents => All.Value;

    /// <summary>The folder holding <c>DesignDrill.slnx</c> (see <see cref="Review.RepoFiles.Root"/>).</summary>
    public static string RepositoryRoot() => Review.RepoFiles.Root;

    private static IReadOnlyList<(string Name, string Text)> Load()
    {
        var samples = Path.Combine(RepositoryRoot(), "samples");
        var files = Directory.GetFiles(samples, "*.md").Order(StringComparer.Ordinal)
            .Concat(Directory.GetFiles(Path.Combine(samples, "flawed"), "*.md").Order(StringComparer.Ordinal));
        var documents = files
            .Select(f => (Path.GetRelativePath(samples, f).Replace('\\', '/'), File.ReadAllText(f)))
            .ToList();
        if (documents.Count == 0)
        {
            throw new InvalidOperationException($"No samples under {samples}.");
        }

        return documents;
    }
}
