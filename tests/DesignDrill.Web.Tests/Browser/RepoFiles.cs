namespace DesignDrill.Web.Tests.Browser;

/// <summary>Files of the repository (samples), found from the test's folder.</summary>
public static class RepoFiles
{
    public static string Root { get; } = FindRoot();

    public static string Read(string relative) => File.ReadAllText(Path.Combine(Root, relative));

    /// <summary>The 1-based line of the first line containing <paramref name="text"/>.</summary>
    public static int LineOf(string relative, string text)
    {
        var lines = Read(relative).Split('\n');
        var index = Array.FindIndex(lines, l => l.Contains(text, StringComparison.Ordinal));
        return index >= 0 ? index + 1 : throw new InvalidOperationException($"'{text}' is not in {relative}.");
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DesignDrill.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (DesignDrill.slnx) was not found above " + AppContext.BaseDirectory);
    }
}
