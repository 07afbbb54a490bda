namespace DesignDrill.Web.Tests.Browser;

/// <summary>Files of the repository (samples), found from the test's folder.</summary>
public static class RepoFiles
{
    public static string Root { get; } = FindRoot();

    public static string Read(string relative) => File.ReadAllText(Path.Combine(Root, relative));

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
