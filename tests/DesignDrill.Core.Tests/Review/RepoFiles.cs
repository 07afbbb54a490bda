namespace DesignDrill.Core.Tests.Review;

/// <summary>Finds files of the repository (samples, catalog) from the test's output folder.</summary>
internal static class RepoFiles
{
    public static string Root { get; } = FindRoot();

    public static string Path(string relative) => System.IO.Path.Combine(Root, relative);

    public static string Read(string relative) => File.ReadAllText(Path(relative));

    /// <summary>The 1-based number of the only line of <paramref name="relative"/> that contains <paramref name="text"/>.</summary>
    public static int LineOf(string relative, string text)
    {
        var lines = File.ReadAllLines(Path(relative));
        var matches = lines.Select((line, i) => (line, i)).Where(x => x.line.Contains(text, StringComparison.Ordinal)).ToList();
        matches.Count.ShouldBe(1, $"'{text}' should occur on exactly one line of {relative}");
        return matches[0].i + 1;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "DesignDrill.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("DesignDrill.slnx not found above " + AppContext.BaseDirectory);
    }
}
