namespace DesignDrill.Cli.Tests;

public sealed class PlaceholderTests
{
    [Fact]
    public void Should_load_the_cli_assembly() => typeof(DesignDrill.Core.Diagnostics.Severity).Assembly.GetName().Name.ShouldBe("DesignDrill.Core");
}
