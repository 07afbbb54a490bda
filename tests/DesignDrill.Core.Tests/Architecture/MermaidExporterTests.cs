using DesignDrill.Core.Architecture;

namespace DesignDrill.Core.Tests.Architecture;

public sealed class MermaidExporterTests
{
    [Fact]
    public void Should_render_a_small_architecture_as_a_flowchart()
    {
        // Given
        var text = """
            lb: load_balancer x2
            api: service x6, 2K rps each
            cache: redis, 64 GB
            urls: postgres
            clicks: kafka
            stats: worker x3
            flow redirect at 100/s: client -> lb -> api -> cache -> urls on miss
            flow shorten at 10/s: client -> lb -> api -> urls
            flow analytics after redirect: api => clicks => stats x2
            """;
        var model = ArchitectureParser.ParseText(text).Architecture;

        // When
        var mermaid = MermaidExporter.Export(model);

        // Then
        mermaid.ShouldBe("""
            flowchart LR
                c_lb(["lb<br/>load_balancer x2"])
                c_api("api<br/>service x6")
                c_cache[("cache<br/>cache (redis)")]
                c_urls[("urls<br/>sql_db (postgres)")]
                c_clicks[/"clicks<br/>stream (kafka)"/]
                c_stats("stats<br/>worker x3")
                c_client(("client"))
                c_client -->|"redirect, shorten"| c_lb
                c_lb -->|"redirect, shorten"| c_api
                c_api -->|"redirect"| c_cache
                c_cache -->|"redirect · miss"| c_urls
                c_api -->|"shorten"| c_urls
                c_api -.->|"analytics"| c_clicks
                c_clicks -.->|"analytics · x2"| c_stats

            """.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Should_escape_labels_and_make_ids_safe_and_unique()
    {
        // Given
        var text = "a-b: service\na_b: mystery x2\nflow \"x\": a-b -> end";
        var model = ArchitectureParser.ParseText(text).Architecture;
        var extra = model with
        {
            Flows = [new FlowDecl("f|\"<b>#`", default, "1/s", default, null, default, null, FlowOperation.Unspecified, [], [new FlowStep("a-b", default, EdgeKind.None, false, null, default), new FlowStep("end", default, EdgeKind.Sync, false, null, default)], default)],
        };

        // When
        var mermaid = MermaidExporter.Export(extra);

        // Then
        mermaid.ShouldBe(
            "flowchart LR\n" +
            "    c_a_b(\"a-b<br/>service\")\n" +
            "    c_a_b_2[\"a_b<br/>mystery x2\"]\n" +
            "    c_end[\"end\"]\n" +
            "    c_a_b -->|\"f#124;#quot;#lt;b#gt;#35;#96;\"| c_end\n");
    }

    [Fact]
    public void Should_render_the_same_model_the_same_way_every_time()
    {
        // Given
        var model = ArchitectureParser.ParseText("api: service\nflow f at 1/s: client -> api\nflow g at 1/s: client -> api").Architecture;

        // When
        var first = MermaidExporter.Export(model);
        var second = MermaidExporter.Export(model);

        // Then
        second.ShouldBe(first);
        first.ShouldContain("c_client -->|\"f, g\"| c_api");
    }
}
