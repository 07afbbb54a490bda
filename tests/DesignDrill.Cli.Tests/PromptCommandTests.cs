namespace DesignDrill.Cli.Tests;

public class PromptCommandTests
{
    [Fact]
    public void Should_list_every_bundled_prompt()
    {
        // When
        var (code, output, error) = Drill.Run("prompts");

        // Then
        code.ShouldBe(ExitCodes.Ok);
        error.ShouldBeEmpty();
        Drill.ShouldMatchExpected(output, "prompts.txt");
    }

    [Fact]
    public void Should_filter_prompts_by_tag_and_level()
    {
        // When
        var (code, output, _) = Drill.Run("prompts", "--tag", "ASYNC", "--level", "mid");

        // Then only the notification service is async and open to mid-level candidates
        code.ShouldBe(ExitCodes.Ok);
        output.ShouldContain("notification-service");
        output.ShouldNotContain("job-queue");
        output.ShouldNotContain("url-shortener");
    }

    [Fact]
    public void Should_show_the_brief_only_without_reveal()
    {
        // When
        var (code, output, _) = Drill.Run("show", "url-shortener");

        // Then
        code.ShouldBe(ExitCodes.Ok);
        Drill.ShouldMatchExpected(output, "show-url-shortener.txt");
        output.ShouldNotContain("scale.dau");
    }

    [Fact]
    public void Should_reveal_facts_and_the_reference_design()
    {
        // When
        var (code, output, _) = Drill.Run("show", "chat", "--reveal");

        // Then
        code.ShouldBe(ExitCodes.Ok);
        output.ShouldContain("- scale.concurrency: About 10M devices");
        output.ShouldContain("Reference design: reference/chat.md");
        output.ShouldContain("## Architecture");
    }

    [Fact]
    public void Should_exit_2_with_a_suggestion_for_an_unknown_id()
    {
        // When
        var (code, output, error) = Drill.Run("show", "url-shortner");

        // Then
        code.ShouldBe(ExitCodes.UnusableInput);
        output.ShouldBeEmpty();
        error.ShouldContain("no prompt 'url-shortner'. Did you mean url-shortener?");
    }

    [Fact]
    public void Should_exit_2_for_a_missing_catalog_directory()
    {
        // When
        var (code, _, error) = Drill.Run("prompts", "--catalog", Drill.Sample("no-such-dir"));

        // Then
        code.ShouldBe(ExitCodes.UnusableInput);
        error.ShouldContain("PRM011");
    }
}
