namespace DesignDrill.Cli.Tests;

public sealed class ExportAndHelpTests
{
    [Fact]
    public void Should_export_the_architecture_as_mermaid()
    {
        var (code, output, error) = Drill.Run("export", Drill.Sample("samples/url-shortener.md"), "--to", "mermaid");

        code.ShouldBe(0, error);
        output.ShouldStartWith("flowchart LR");
        output.ShouldContain("redirect");
        output.ShouldContain("-.->");
        Drill.ShouldMatchExpected(output, "export-url-shortener.mmd");
    }

    [Fact]
    public void Should_exit_2_when_exporting_a_missing_file()
    {
        Drill.Run("export", "missing.md").ExitCode.ShouldBe(2);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("review --help")]
    [InlineData("estimate --help")]
    [InlineData("export --help")]
    [InlineData("queue --help")]
    public void Should_show_examples_in_help(string commandLine)
    {
        var (code, output, _) = Drill.Run(commandLine.Split(' '));

        code.ShouldBe(0);
        output.ShouldContain("Examples:");
        output.ShouldContain("drill ");
    }

    [Fact]
    public void Should_exit_2_for_an_unknown_command()
    {
        var (code, _, error) = Drill.Run("frobnicate");

        code.ShouldBe(2);
        error.ShouldContain("drill --help");
    }
}
