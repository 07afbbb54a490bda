using DesignDrill.Core.Diagnostics;
using DesignDrill.Core.Simulation;
using DesignDrill.Core.Simulation.Faults;

namespace DesignDrill.Core.Tests.Simulation.Faults;

public sealed class FaultParserTests
{
    private const long Second = SimTime.NanosecondsPerSecond;

    public static TheoryData<FaultKind> AllKinds()
    {
        var data = new TheoryData<FaultKind>();
        foreach (var kind in Enum.GetValues<FaultKind>())
        {
            data.Add(kind);
        }

        return data;
    }

    [Fact]
    public void Should_have_at_least_twenty_kinds_each_in_the_catalog_in_order()
    {
        // Given / When
        var kinds = Enum.GetValues<FaultKind>();

        // Then
        kinds.Length.ShouldBeGreaterThanOrEqualTo(20);
        FaultCatalog.All.Select(k => k.Kind).ShouldBe(kinds);
        FaultCatalog.Names.Distinct().Count().ShouldBe(kinds.Length);
    }

    [Theory]
    [MemberData(nameof(AllKinds))]
    public void Should_parse_every_kind_from_its_example_and_write_it_back(FaultKind kind)
    {
        // Given
        var info = FaultCatalog.Get(kind);

        // When
        var result = FaultParser.Parse(info.Example);
        var again = FaultParser.Parse(result.Fault?.ToText());

        // Then
        result.Diagnostics.ShouldBeEmpty();
        result.Fault.ShouldNotBeNull().Kind.ShouldBe(kind);
        result.Fault.Name.ShouldBe(info.Name);
        result.Fault.Span.ShouldBe(new SourceSpan(1, 1, info.Example.Length + 1));
        again.Diagnostics.ShouldBeEmpty();
        (again.Fault! with { Span = SourceSpan.None }).ShouldBe(result.Fault with { Span = SourceSpan.None });
    }

    [Fact]
    public void Should_read_the_examples_of_the_issue()
    {
        // Given / When
        var flush = FaultParser.Parse("cache-flush at 60s for 30s").Fault;
        var slow = FaultParser.Parse("slow-node api factor 5 at 1m for 30s").Fault;
        var kill = FaultParser.Parse("kill-replicas db count 1 at 90s").Fault;
        var spike = FaultParser.Parse("traffic-spike factor 3 at 30s for 20s").Fault;
        var latency = FaultParser.Parse("edge-latency api->db 50ms at 10s for 10s").Fault;

        // Then
        flush.ShouldBe(new CacheFlushFault(null, 60 * Second, 30 * Second, new SourceSpan(1, 1, 27)));
        slow.ShouldBe(new SlowNodeFault("api", 5, 0, 60 * Second, 30 * Second, new SourceSpan(1, 1, 37)));
        kill.ShouldBe(new KillReplicasFault("db", 1, 90 * Second, null, new SourceSpan(1, 1, 32)));
        kill!.EndNs.ShouldBe(SimTime.MaxNs);
        kill.IsActiveAt(3_600 * Second).ShouldBeTrue();
        spike.ShouldBe(new TrafficSpikeFault(3, 0, 30 * Second, 20 * Second, new SourceSpan(1, 1, 38)));
        spike!.IsActiveAt(50 * Second).ShouldBeFalse();
        latency.ShouldBe(new EdgeLatencyFault(new EdgeRef("api", "db"), 50 * SimTime.NanosecondsPerMillisecond, 10 * Second, 10 * Second, new SourceSpan(1, 1, 41)));
    }

    [Theory]
    [InlineData("edge-latency api -> db added 50 ms at 10 s for 10s", "edge-latency api->db added 50ms at 10s for 10s")]
    [InlineData("Cache_Flush cache AT 1M", "cache-flush cache at 1m")]
    [InlineData("partition cache, db ,queue at 30s", "partition cache,db,queue at 30s")]
    [InlineData("packet-loss db 5% at 1s for 2s", "packet-loss db fraction 0.05 at 1s for 2s")]
    [InlineData("packet-loss api→db fraction 0.5 at 1s", "packet-loss api->db fraction 0.5 at 1s")]
    [InlineData("slow-node api at 1m30s index 2 2.5x for 30s", "slow-node api factor 2.5 index 2 at 90s for 30s")]
    [InlineData("traffic-spike 10x ramp 5s at 30s for 1m", "traffic-spike factor 10 ramp 5s at 30s for 1m")]
    [InlineData("rolling-deploy api at 1m", "rolling-deploy api batch 1 per-batch 30s at 1m")]
    [InlineData("primary-failure at 60s", "primary-failure failover 1m at 1m")]
    [InlineData("cache-flush at 60s for 0s", "cache-flush at 1m for 0s")]
    [InlineData("thread-pool-exhaustion api at 0", "thread-pool-exhaustion api workers 0 at 0s")]
    [InlineData("hot-key shard-1 share 100% at 2h", "hot-key shard-1 share 1 at 2h")]
    public void Should_accept_the_variants_of_the_grammar(string text, string canonical)
    {
        // Given / When
        var result = FaultParser.Parse(text);

        // Then
        result.Diagnostics.ShouldBeEmpty();
        result.Fault.ShouldNotBeNull().ToText().ShouldBe(canonical);
    }

    [Theory]
    [InlineData("", SimulationDiagnostics.EmptyCode, 1, 2)]
    [InlineData("   ", SimulationDiagnostics.EmptyCode, 1, 4)]
    [InlineData("cache-flsh at 60s", SimulationDiagnostics.UnknownKindCode, 1, 11)]
    [InlineData("slow-node factor 5 at 1m", SimulationDiagnostics.MissingTargetCode, 11, 17)]
    [InlineData("disk-full at 1s", SimulationDiagnostics.MissingTargetCode, 11, 13)]
    [InlineData("edge-latency api 5ms at 10s", SimulationDiagnostics.BadTargetCode, 14, 17)]
    [InlineData("partition a,,b at 1s", SimulationDiagnostics.BadTargetCode, 11, 15)]
    [InlineData("transient-errors 10% at 20s", SimulationDiagnostics.MissingTargetCode, 18, 21)]
    [InlineData("kill-node api->db at 1s", SimulationDiagnostics.BadTargetCode, 11, 18)]
    [InlineData("slow-node api facter 5 at 1m", SimulationDiagnostics.UnknownKeyCode, 15, 21)]
    [InlineData("slow-node api factor at 1m", SimulationDiagnostics.MissingValueCode, 15, 21)]
    [InlineData("kill-replicas db count two at 90s", SimulationDiagnostics.BadNumberCode, 24, 27)]
    [InlineData("kill-replicas db count 1.5 at 90s", SimulationDiagnostics.BadNumberCode, 24, 27)]
    [InlineData("slow-node api factor 0.5 at 1m", SimulationDiagnostics.OutOfRangeCode, 22, 25)]
    [InlineData("kill-replicas db count 1000000000 at 90s", SimulationDiagnostics.OutOfRangeCode, 24, 34)]
    [InlineData("slow-node api at 1m", SimulationDiagnostics.MissingParameterCode, 1, 10)]
    [InlineData("cache-flush cache for 30s", SimulationDiagnostics.MissingAtCode, 26, 26)]
    [InlineData("cache-flush at 60 for 30s", SimulationDiagnostics.BadDurationCode, 16, 18)]
    [InlineData("cache-flush at 60s for 30q", SimulationDiagnostics.BadDurationCode, 24, 27)]
    [InlineData("cache-flush at -5s", SimulationDiagnostics.BadDurationCode, 16, 19)]
    [InlineData("cache-flush at 1s at 2s", SimulationDiagnostics.RepeatedCode, 19, 21)]
    [InlineData("slow-node api 5 6 at 1m", SimulationDiagnostics.UnexpectedTextCode, 17, 18)]
    [InlineData("cache-flush at 400y", SimulationDiagnostics.BadDurationCode, 16, 20)]
    [InlineData("cache-flush at 300000000000000d", SimulationDiagnostics.OutOfRangeCode, 16, 32)]
    [InlineData("traffic-spike factor 3 ramp 30s at 1s for 10s", SimulationDiagnostics.OutOfRangeCode, 24, 28)]
    public void Should_report_each_diagnostic_code_at_its_column(string text, string code, int column, int endColumn)
    {
        // Given / When
        var result = FaultParser.Parse(text);

        // Then
        result.Fault.ShouldBeNull();
        var diagnostic = result.Diagnostics.ShouldHaveSingleItem();
        diagnostic.Code.ShouldBe(code);
        diagnostic.Severity.ShouldBe(Severity.Error);
        diagnostic.Span.ShouldBe(new SourceSpan(1, column, endColumn));
        diagnostic.Hint.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public void Should_report_a_text_over_the_length_limit()
    {
        // Given
        var text = "cache-flush at 1s " + new string('x', FaultParser.MaxLength);

        // When
        var diagnostic = FaultParser.Parse(text).Diagnostics.ShouldHaveSingleItem();

        // Then
        diagnostic.Code.ShouldBe(SimulationDiagnostics.TooLongCode);
        diagnostic.Span.ShouldBe(new SourceSpan(1, FaultParser.MaxLength + 1, text.Length + 1));
    }

    [Theory]
    [InlineData("cache-flsh at 60s", "did you mean `cache-flush`?")]
    [InlineData("kill_replica db at 1s", "did you mean `kill-replicas`?")]
    [InlineData("slow-node api facter 5 at 1m", "did you mean `factor`?")]
    [InlineData("cache-flush at 60 for 30s", "did you mean `60s`?")]
    [InlineData("cache-flush at 60sec for 30mins", "")]
    [InlineData("cache-flush at 60secs for 3hors", "did you mean `3hrs`?")]
    [InlineData("packet-loss db 5 at 1s", "write `fraction 5%` or `fraction 0.05`")]
    [InlineData("slow-node api at 1m", "add `factor 5`")]
    public void Should_suggest_what_to_write_instead(string text, string hint)
    {
        // Given / When
        var result = FaultParser.Parse(text);

        // Then
        if (hint.Length == 0)
        {
            result.Diagnostics.ShouldBeEmpty();
            return;
        }

        result.Diagnostics.ShouldHaveSingleItem().Hint.ShouldNotBeNull().ShouldContain(hint);
    }

    [Fact]
    public void Should_report_every_problem_of_one_text_in_order()
    {
        // Given: a bad factor, an unknown key, a bad duration, and no `at`.
        const string text = "slow-node api factor 0 speed 3 for 5";

        // When
        var codes = FaultParser.Parse(text).Diagnostics.Select(d => d.Code);

        // Then
        codes.ShouldBe([
            SimulationDiagnostics.OutOfRangeCode, SimulationDiagnostics.UnknownKeyCode,
            SimulationDiagnostics.BadDurationCode, SimulationDiagnostics.MissingAtCode,
        ]);
    }

    [Fact]
    public void Should_place_spans_on_the_given_line_and_column()
    {
        // Given: the fault sits at column 9 of line 4 of a scenario file.
        const string text = "cache-flsh at 60s";

        // When
        var diagnostic = FaultParser.Parse(text, line: 4, column: 9).Diagnostics.ShouldHaveSingleItem();
        var fault = FaultParser.Parse("disk-full db at 1s", line: 4, column: 9).Fault;

        // Then
        diagnostic.Span.ShouldBe(new SourceSpan(4, 9, 19));
        fault.ShouldNotBeNull().Span.ShouldBe(new SourceSpan(4, 9, 27));
    }

    [Fact]
    public void Should_compare_partitions_by_their_components()
    {
        // Given
        var a = FaultParser.Parse("partition cache,db at 30s").Fault;
        var b = FaultParser.Parse("partition cache, db at 30s").Fault;

        // When / Then: equal components and times; the spans differ, so compare without them.
        (a! with { Span = SourceSpan.None }).ShouldBe(b! with { Span = SourceSpan.None });
        (a with { Span = SourceSpan.None }).GetHashCode().ShouldBe((b with { Span = SourceSpan.None }).GetHashCode());
        ((PartitionFault)a).Components.ShouldBe(["cache", "db"]);
    }

    [Fact]
    public void Should_document_every_kind_and_every_code()
    {
        // Given
        var page = Review.RepoFiles.Read("docs/simulation-workloads-and-faults.md");
        var codes = typeof(SimulationDiagnostics).GetFields()
            .Where(f => f.IsLiteral && f.Name.EndsWith("Code", StringComparison.Ordinal))
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToArray();

        // When / Then
        codes.Length.ShouldBe(14);
        foreach (var name in FaultCatalog.Names)
        {
            page.ShouldContain($"| `{name}` |");
        }

        foreach (var code in codes)
        {
            page.ShouldContain($"| {code} |");
        }
    }
}
