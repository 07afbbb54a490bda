using DesignDrill.Core.Architecture;
using DesignDrill.Core.Catalog;
using DesignDrill.Core.DesignDocs;
using DesignDrill.Core.Diagnostics;

namespace DesignDrill.Core.Tests.Architecture;

public sealed class ComponentTests
{
    [Theory]
    [InlineData("lb: load_balancer x2", "load_balancer", null, 2)]
    [InlineData("lb: lb", "load_balancer", null, null)]
    [InlineData("db: database", "sql_db", null, null)]
    [InlineData("urls: postgresql", "sql_db", "postgres", null)]
    [InlineData("cache: redis", "cache", "redis", null)]
    [InlineData("cache: cache redis x3", "cache", "redis", 3)]
    [InlineData("api: service go x 4", "service", "go", 4)]
    [InlineData("events: kafka", "stream", "kafka", null)]
    [InlineData("jobs: sqs", "queue", "sqs", null)]
    [InlineData("msgs: scylla ×5", "wide_column_db", "cassandra", 5)]
    [InlineData("search: opensearch", "search_index", "elasticsearch", null)]
    [InlineData("blobs: s3", "object_store", "s3", null)]
    [InlineData("edge: cloudfront", "cdn", "cloudfront", null)]
    [InlineData("coord: etcd", "coordination", "etcd", null)]
    [InlineData("gw: Load-Balancer", "load_balancer", null, null)]
    public void Should_resolve_kinds_technologies_and_replicas(string line, string kind, string? technology, int? replicas)
    {
        // Given
        var text = line;

        // When
        var result = ArchitectureParser.ParseText(text);

        // Then
        result.Diagnostics.ShouldBeEmpty();
        var component = result.Architecture.Components.ShouldHaveSingleItem();
        component.Kind.ShouldBe(new ComponentKind(kind));
        component.Technology.ShouldBe(technology);
        component.Replicas.ShouldBe(replicas);
    }

    [Fact]
    public void Should_read_settings_with_normalised_keys_and_exact_spans()
    {
        // Given
        var text = "api: service x6, 2K rps each, 20 ms, ttl 24h, hit ratio 90%, 12 partitions, consumers 3, partition key user_id, dlq, token_bucket, round_robin, eviction lru";

        // When
        var component = ArchitectureParser.ParseText(text).Architecture.Components.ShouldHaveSingleItem();

        // Then
        component.NameSpan.ShouldBe(new SourceSpan(1, 1, 4));
        component.KindSpan.ShouldBe(new SourceSpan(1, 6, 13));
        component.ReplicasSpan.ShouldBe(new SourceSpan(1, 15, 16));
        component.Settings.Select(s => (s.Key, s.ValueText, s.Form, s.PerReplica)).ShouldBe(
        [
            (null, "2K rps", SettingForm.Quantity, true),
            (null, "20 ms", SettingForm.Quantity, false),
            ("ttl", "24h", SettingForm.KeyValue, false),
            ("hit_ratio", "90%", SettingForm.KeyValue, false),
            ("partitions", "12", SettingForm.KeyValue, false),
            ("consumers", "3", SettingForm.KeyValue, false),
            ("partition_key", "user_id", SettingForm.KeyValue, false),
            ("dlq", "dlq", SettingForm.Word, false),
            ("algorithm", "token_bucket", SettingForm.Word, false),
            ("strategy", "round_robin", SettingForm.Word, false),
            ("eviction", "lru", SettingForm.KeyValue, false),
        ]);
        component.Settings[0].Span.ShouldBe(new SourceSpan(1, 18, 29));
        component.Settings[0].ValueSpan.ShouldBe(new SourceSpan(1, 18, 24));
        component.Settings[2].ValueSpan.ShouldBe(new SourceSpan(1, 42, 45));
    }

    [Fact]
    public void Should_read_primary_and_replicas_as_two_settings()
    {
        // Given
        var text = "urls: postgres, 1 primary + 2 replicas, 2 TB";

        // When
        var component = ArchitectureParser.ParseText(text).Architecture.Components.ShouldHaveSingleItem();

        // Then
        component.Settings.Select(s => (s.Key, s.ValueText)).ShouldBe([("primaries", "1"), ("replicas", "2"), (null, "2 TB")]);
        component.GetSetting("replicas")!.Span.ShouldBe(new SourceSpan(1, 29, 39));
    }

    [Fact]
    public void Should_read_a_rate_limiter_with_its_limit()
    {
        // Given
        var text = "limiter: rate_limiter, token_bucket, 100/min per user";

        // When
        var component = ArchitectureParser.ParseText(text).Architecture.Components.ShouldHaveSingleItem();

        // Then
        component.Kind.ShouldBe(ComponentKind.RateLimiter);
        component.Settings.Select(s => (s.Key, s.ValueText, s.Form)).ShouldBe([("algorithm", "token_bucket", SettingForm.Word), (null, "100/min per user", SettingForm.Quantity)]);
    }

    [Fact]
    public void Should_keep_a_replica_factor_that_names_an_estimate()
    {
        // Given
        var text = "api: service x api_nodes";

        // When
        var component = ArchitectureParser.ParseText(text).Architecture.Components.ShouldHaveSingleItem();

        // Then
        component.Replicas.ShouldBeNull();
        component.ReplicasText.ShouldBe("api_nodes");
        component.ReplicasSpan.ShouldBe(new SourceSpan(1, 16, 25));
    }

    [Fact]
    public void Should_warn_about_an_unknown_kind_with_the_closest_known_kinds()
    {
        // Given
        var text = "cache: reddis x2, 64 GB";

        // When
        var result = ArchitectureParser.ParseText(text);

        // Then
        var component = result.Architecture.Components.ShouldHaveSingleItem();
        component.Kind.ShouldBeNull();
        component.KindText.ShouldBe("reddis");
        var diagnostic = result.Diagnostics.ShouldHaveSingleItem();
        diagnostic.Code.ShouldBe("DOC030");
        diagnostic.Severity.ShouldBe(Severity.Warning);
        diagnostic.Span.ShouldBe(new SourceSpan(1, 8, 14));
        diagnostic.Hint!.ShouldStartWith("Did you mean redis");
    }

    [Theory]
    [InlineData("Note: we use a CDN here")]
    [InlineData("Why: latency matters most")]
    [InlineData("See https://example.com/x")]
    [InlineData("TL;DR: keep it simple")]
    [InlineData("Scale: 3 regions")]
    public void Should_not_mistake_prose_for_a_component(string line)
    {
        // Given
        var text = "## Architecture\n" + line + "\n";

        // When
        var document = DesignDocumentParser.Parse(text);

        // Then
        document.Architecture.Components.ShouldBeEmpty();
        document.Diagnostics.ShouldBeEmpty();
    }

    [Fact]
    public void Should_read_an_unknown_kind_inside_a_code_block_as_a_component()
    {
        // Given
        var text = "## Architecture\n```\nnotifier: pushsvc\n```\n";

        // When
        var document = DesignDocumentParser.Parse(text);

        // Then
        document.Architecture.Components.ShouldHaveSingleItem().Name.ShouldBe("notifier");
        document.Diagnostics.ShouldHaveSingleItem().Code.ShouldBe("DOC030");
    }

    [Fact]
    public void Should_read_components_in_bullets_with_backticks_and_emphasis()
    {
        // Given
        var text = "## Architecture\n- **api**: `service x6`, 20 ms  # stateless\n";

        // When
        var component = DesignDocumentParser.Parse(text).Architecture.Components.ShouldHaveSingleItem();

        // Then
        component.Name.ShouldBe("api");
        component.NameSpan.ShouldBe(new SourceSpan(2, 5, 8));
        component.Replicas.ShouldBe(6);
        component.Settings.ShouldHaveSingleItem().ValueText.ShouldBe("20 ms");
    }

    [Fact]
    public void Should_report_duplicate_component_names_as_errors()
    {
        // Given
        var text = "api: service\nAPI: worker";

        // When
        var result = ArchitectureParser.ParseText(text);

        // Then
        result.Architecture.Components.ShouldHaveSingleItem().Kind.ShouldBe(ComponentKind.Service);
        var diagnostic = result.Diagnostics.ShouldHaveSingleItem();
        diagnostic.Code.ShouldBe("DOC031");
        diagnostic.Severity.ShouldBe(Severity.Error);
        diagnostic.Span.ShouldBe(new SourceSpan(2, 1, 4));
    }

    [Theory]
    [InlineData("flow-x: service", "flow-x", 7)]
    [InlineData("flow_x: service", "flow_x", 7)]
    [InlineData("- `Flow-Router: service x2`", "Flow-Router", 15)]
    public void Should_read_a_name_that_starts_with_flow_as_a_component(string line, string name, int nameEndColumn)
    {
        // Given a component whose name begins with the word 'flow'
        var text = "## Architecture\n" + line + "\n";

        // When
        var document = DesignDocumentParser.Parse(text);

        // Then it is a component, not a dropped flow header
        document.Diagnostics.ShouldBeEmpty();
        document.Architecture.Flows.ShouldBeEmpty();
        var component = document.Architecture.Components.ShouldHaveSingleItem();
        component.Name.ShouldBe(name);
        component.Kind.ShouldBe(ComponentKind.Service);
        component.NameSpan.ShouldBe(new SourceSpan(2, nameEndColumn - name.Length, nameEndColumn));
    }

    [Theory]
    [InlineData("api: service x0", "DOC032")]
    [InlineData("api: service x99999999999", "DOC032")]
    [InlineData("api: service, , 20 ms", "DOC033")]
    public void Should_report_bad_replicas_and_empty_settings(string line, string code)
    {
        // Given
        var text = line;

        // When
        var result = ArchitectureParser.ParseText(text);

        // Then
        result.Diagnostics.ShouldHaveSingleItem().Code.ShouldBe(code);
    }

    [Fact]
    public void Should_offer_lookups_and_implicit_clients()
    {
        // Given
        var text = "api: service\nflow f at 1/s: users -> api -> ghost";

        // When
        var model = ArchitectureParser.ParseText(text).Architecture;

        // Then
        model.FindComponent("API").ShouldNotBeNull();
        model.FindFlow("F").ShouldNotBeNull();
        model.IsImplicitClient("users").ShouldBeTrue();
        model.IsImplicitClient("api").ShouldBeFalse();
        model.UndeclaredSteps().ShouldHaveSingleItem().Component.ShouldBe("ghost");
    }
}
