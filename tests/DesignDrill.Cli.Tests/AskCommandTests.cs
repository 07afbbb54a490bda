namespace DesignDrill.Cli.Tests;

public class AskCommandTests
{
    [Fact]
    public void Should_print_the_answer_from_the_prompt_facts()
    {
        // When
        var (code, output, error) = Drill.Run("ask", "url-shortener", "How many daily active users?");

        // Then
        code.ShouldBe(ExitCodes.Ok);
        error.ShouldBeEmpty();
        output.ShouldBe("About 100M daily active users.\n");
    }

    [Fact]
    public void Should_print_topics_and_answer_as_json()
    {
        // When
        var (code, output, _) = Drill.Run("ask", "url-shortener", "How many DAU?", "--json");

        // Then
        code.ShouldBe(ExitCodes.Ok);
        output.ShouldBe("{\"topics\": [\"scale.dau\"], \"answer\": \"About 100M daily active users.\"}\n");
    }

    [Fact]
    public void Should_print_an_empty_topic_list_and_your_call_when_nothing_matches()
    {
        // When
        var (code, output, _) = Drill.Run("ask", "url-shortener", "Can I use Kafka?", "--json");

        // Then
        code.ShouldBe(ExitCodes.Ok);
        output.ShouldBe("{\"topics\": [], \"answer\": \"Your call — state it as an assumption.\"}\n");
    }

    [Fact]
    public void Should_escape_line_breaks_of_a_multi_topic_answer_in_json()
    {
        // When
        var (_, output, _) = Drill.Run("ask", "url-shortener", "Is it read heavy, and how long are links kept?", "--json");

        // Then
        output.ShouldStartWith("{\"topics\": [");
        output.ShouldContain("\"traffic.read_write_ratio\"");
        output.ShouldContain("\"data.retention\"");
        output.ShouldContain("\\n");
        output.TrimEnd('\n').ShouldNotContain("\n");
    }

    [Fact]
    public void Should_exit_2_with_a_suggestion_for_an_unknown_prompt()
    {
        // When
        var (code, output, error) = Drill.Run("ask", "url-shortner", "How many users?");

        // Then
        code.ShouldBe(ExitCodes.UnusableInput);
        output.ShouldBeEmpty();
        error.ShouldContain("no prompt 'url-shortner'");
        error.ShouldContain("Did you mean url-shortener?");
    }

    [Fact]
    public void Should_show_examples_in_help()
    {
        // When
        var (code, output, _) = Drill.Run("ask", "--help");

        // Then
        code.ShouldBe(ExitCodes.Ok);
        output.ShouldContain("drill ask url-shortener \"Is it read heavy?\" --json");
    }
}
