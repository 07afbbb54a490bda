using DesignDrill.Core.Architecture;
using DesignDrill.Core.Diagnostics;

namespace DesignDrill.Core.Tests.Architecture;

public sealed class FlowTests
{
    [Fact]
    public void Should_read_a_flow_with_rate_options_and_on_miss()
    {
        // Given
        var text = "flow redirect at read_rate * 3, read, size 1 KB, response 10 KB: client -> lb -> api -> cache -> urls on miss";

        // When
        var result = ArchitectureParser.ParseText(text);

        // Then
        result.Diagnostics.ShouldBeEmpty();
        var flow = result.Architecture.Flows.ShouldHaveSingleItem();
        flow.Name.ShouldBe("redirect");
        flow.NameSpan.ShouldBe(new SourceSpan(1, 6, 14));
        flow.RateText.ShouldBe("read_rate * 3");
        flow.RateSpan.ShouldBe(new SourceSpan(1, 18, 31));
        flow.Operation.ShouldBe(FlowOperation.Read);
        flow.IsAsync.ShouldBeFalse();
        flow.Settings.Select(s => (s.Key, s.ValueText)).ShouldBe([("size", "1 KB"), ("response_size", "10 KB")]);
        flow.Steps.Select(s => (s.Component, s.EdgeIn, s.OnMiss)).ShouldBe(
        [
            ("client", EdgeKind.None, false),
            ("lb", EdgeKind.Sync, false),
            ("api", EdgeKind.Sync, false),
            ("cache", EdgeKind.Sync, false),
            ("urls", EdgeKind.Sync, true),
        ]);
        flow.Steps[4].Span.ShouldBe(new SourceSpan(1, 98, 102));
    }

    [Fact]
    public void Should_read_an_async_flow_after_another_with_a_factor()
    {
        // Given
        var text = "flow fanout after post x avg_followers, write: api => feed_queue => fanout_worker -> timeline_cache x avg_followers";

        // When
        var flow = ArchitectureParser.ParseText(text).Architecture.Flows.ShouldHaveSingleItem();

        // Then
        flow.RateText.ShouldBeNull();
        flow.AfterFlow.ShouldBe("post");
        flow.AfterSpan.ShouldBe(new SourceSpan(1, 19, 23));
        flow.AfterFactorText.ShouldBe("avg_followers");
        flow.IsAsync.ShouldBeTrue();
        flow.Operation.ShouldBe(FlowOperation.Write);
        flow.Steps.Select(s => s.EdgeIn).ShouldBe([EdgeKind.None, EdgeKind.Async, EdgeKind.Async, EdgeKind.Sync]);
        var last = flow.Steps[^1];
        last.Component.ShouldBe("timeline_cache");
        last.FanOutText.ShouldBe("avg_followers");
        last.FanOutSpan.ShouldBe(new SourceSpan(1, 103, 116));
    }

    [Theory]
    [InlineData("flow analytics async after redirect: api => clicks => stats", "redirect", true)]
    [InlineData("flow ping at 1.2K/s: client --> api", null, false)]
    [InlineData("flow ping at 1,200/s: client → api ⇒ log", null, false)]
    public void Should_accept_header_and_arrow_variants(string line, string? after, bool isAsync)
    {
        // Given
        var text = line;

        // When
        var result = ArchitectureParser.ParseText(text);

        // Then
        result.Diagnostics.ShouldBeEmpty();
        var flow = result.Architecture.Flows.ShouldHaveSingleItem();
        flow.AfterFlow.ShouldBe(after);
        flow.IsAsync.ShouldBe(isAsync);
    }

    [Theory]
    [InlineData("api -> cache x3 on miss", "3", true)]
    [InlineData("api -> cache (on miss) x 2", "2", true)]
    [InlineData("api -> shards x3", "3", false)]
    public void Should_read_fan_out_and_on_miss_in_either_order(string path, string fanOut, bool onMiss)
    {
        // Given
        var text = "flow f at 1/s: " + path;

        // When
        var step = ArchitectureParser.ParseText(text).Architecture.Flows.ShouldHaveSingleItem().Steps[^1];

        // Then
        step.FanOutText.ShouldBe(fanOut);
        step.OnMiss.ShouldBe(onMiss);
    }

    [Theory]
    [InlineData("flow redirect at 5/s client -> api", "DOC040", 22, 28)]
    [InlineData("flow redirect at 5/s:", "DOC041", 21, 22)]
    [InlineData("flow redirect at 5/s", "DOC041", 21, 22)]
    [InlineData("flow redirect at 5/s: client -> api ->", "DOC042", 37, 39)]
    [InlineData("flow redirect at 5/s: -> api", "DOC042", 23, 25)]
    [InlineData("flow redirect at 5/s: client -> -> api", "DOC042", 30, 35)]
    [InlineData("flow redirect at: client -> api", "DOC043", 15, 17)]
    [InlineData("flow redirect after: client -> api", "DOC043", 15, 20)]
    [InlineData("flow redirect at 5/s: client api", "DOC045", 30, 33)]
    [InlineData("flow redirect at 5/s: client -> 42", "DOC045", 33, 35)]
    [InlineData("flow redirect at 5/s: cache on miss -> db", "DOC047", 23, 28)]
    [InlineData("flow redirect after shorten foo: a -> b", "DOC048", 29, 32)]
    [InlineData("flow -> a", "DOC048", 1, 5)]
    public void Should_report_malformed_flows_with_precise_spans(string line, string code, int column, int endColumn)
    {
        // Given
        var text = line;

        // When
        var result = ArchitectureParser.ParseText(text);

        // Then
        var diagnostic = result.Diagnostics.ShouldHaveSingleItem();
        diagnostic.Code.ShouldBe(code);
        diagnostic.Severity.ShouldBe(Severity.Error);
        diagnostic.Span.ShouldBe(new SourceSpan(1, column, endColumn));
        diagnostic.Hint.ShouldNotBeNullOrEmpty();
    }

    [Theory]
    [InlineData("flow redirect at 5/s: client -> api ->", false)]
    [InlineData("flow redirect at 5/s: client api", false)]
    [InlineData("flow redirect at: client -> api", true)]
    [InlineData("flow redirect after shorten foo: a -> b", true)]
    public void Should_drop_flows_with_a_broken_path_and_keep_flows_with_a_broken_header(string line, bool kept)
    {
        // Given
        var text = line;

        // When
        var result = ArchitectureParser.ParseText(text);

        // Then
        result.Architecture.Flows.Count.ShouldBe(kept ? 1 : 0);
    }

    [Fact]
    public void Should_warn_about_a_flow_without_a_rate_but_keep_it()
    {
        // Given
        var text = "flow redirect: client -> api";

        // When
        var result = ArchitectureParser.ParseText(text);

        // Then
        result.Architecture.Flows.ShouldHaveSingleItem();
        var diagnostic = result.Diagnostics.ShouldHaveSingleItem();
        diagnostic.Code.ShouldBe("DOC044");
        diagnostic.Severity.ShouldBe(Severity.Warning);
    }

    [Fact]
    public void Should_report_duplicate_flow_names()
    {
        // Given
        var text = "flow a at 1/s: x -> y\nflow a at 2/s: x -> z";

        // When
        var result = ArchitectureParser.ParseText(text);

        // Then
        result.Architecture.Flows.ShouldHaveSingleItem().RateText.ShouldBe("1/s");
        result.Diagnostics.ShouldHaveSingleItem().Code.ShouldBe("DOC046");
    }

    [Theory]
    [InlineData("Flow control happens at the gateway.")]
    [InlineData("flow is simple")]
    public void Should_read_prose_starting_with_flow_as_prose(string line)
    {
        // Given
        var text = line;

        // When
        var result = ArchitectureParser.ParseText(text);

        // Then
        result.Architecture.Flows.ShouldBeEmpty();
        result.Diagnostics.ShouldBeEmpty();
    }

    [Fact]
    public void Should_list_flows_triggered_after_a_flow()
    {
        // Given
        var text = "flow post at 1/s: client -> api\nflow fanout after post: api => q";

        // When
        var model = ArchitectureParser.ParseText(text).Architecture;

        // Then
        model.FlowsAfter("post").ShouldHaveSingleItem().Name.ShouldBe("fanout");
    }

    [Fact]
    public void Should_read_sibling_calls_joined_with_plus()
    {
        // Given
        var text = "flow write at 5/s: client -> api -> cache + db x 2 => log";

        // When
        var result = ArchitectureParser.ParseText(text);

        // Then
        result.Diagnostics.ShouldBeEmpty();
        var steps = result.Architecture.Flows.ShouldHaveSingleItem().Steps;
        steps.Select(s => (s.Component, s.EdgeIn, s.FanOutText)).ShouldBe(
        [
            ("client", EdgeKind.None, (string?)null),
            ("api", EdgeKind.Sync, null),
            ("cache", EdgeKind.Sync, null),
            ("db", EdgeKind.Sync, "2"),
            ("log", EdgeKind.Async, null),
        ]);
        Enumerable.Range(0, steps.Count).Select(i => steps[i].CallerIndex(i)).ShouldBe([-1, 0, 1, 1, 3]);
        steps[3].Span.ShouldBe(new SourceSpan(1, 45, 47));
    }

    [Theory]
    [InlineData("flow w at 5/s: client -> api + -> db")]
    [InlineData("flow w at 5/s: client -> + db")]
    public void Should_report_a_plus_with_no_step_on_one_side(string text)
    {
        var result = ArchitectureParser.ParseText(text);

        result.Architecture.Flows.ShouldBeEmpty();
        result.Diagnostics.ShouldContain(d => d.Severity == Severity.Error && d.Span.Line == 1);
    }
}
