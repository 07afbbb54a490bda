namespace DesignDrill.Cli.Tests;

/// <summary>Runs <c>drill</c> in-process and captures what it printed.</summary>
internal static class Drill
{
    public static string Root { get; } = FindRoot();

    public static (int ExitCode, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var code = DrillApp.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    public static string Sample(string relative) => Path.Combine(Root, relative);

    /// <summary>
    /// Compares <paramref name="actual"/> with the checked-in expectation file tests/DesignDrill.Cli.Tests/Expected/NAME.
    /// Set DESIGNDRILL_UPDATE_EXPECTED=1 to rewrite the files from the current output.
    /// </summary>
    public static void ShouldMatchExpected(string actual, string name)
    {
        var normalized = actual.Replace(Root + Path.DirectorySeparatorChar, "", StringComparison.Ordinal);
        var path = Path.Combine(Root, "tests", "DesignDrill.Cli.Tests", "Expected", name);
        if (Environment.GetEnvironmentVariable("DESIGNDRILL_UPDATE_EXPECTED") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, normalized);
        }

        File.Exists(path).ShouldBeTrue($"missing expectation file {path}; run with DESIGNDRILL_UPDATE_EXPECTED=1 to create it");
        normalized.ShouldBe(File.ReadAllText(path));
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

        throw new InvalidOperationException("DesignDrill.slnx not found above " + AppContext.BaseDirectory);
    }
}
