using DesignDrill.Core.Catalog;
using DesignDrill.Core.Diagnostics;

namespace DesignDrill.Core.Tests.Catalog;

public sealed class ComponentDefaultsTests
{
    private const string Kind = "kinds:\n  - id: cache\n    category: storage\n    description: x\n";

    public static TheoryData<string, string, int, Severity> Problems => new()
    {
        // Out of range or not a number (CAT008), on the value's line.
        { Kind + "    defaults:\n      availability: 1.5\n    source: rule of thumb\n", "CAT008", 6, Severity.Error },
        { Kind + "    defaults:\n      availability: 0\n    source: rule of thumb\n", "CAT008", 6, Severity.Error },
        { Kind + "    defaults:\n      hit_ratio: -0.1\n    source: rule of thumb\n", "CAT008", 6, Severity.Error },
        { Kind + "    defaults:\n      reads_per_second: -5\n    source: rule of thumb\n", "CAT008", 6, Severity.Error },
        { Kind + "    defaults:\n      reads_per_second: 100\n      cost_per_month_usd: -1\n    source: rule of thumb\n", "CAT008", 7, Severity.Error },
        { Kind + "    defaults:\n      service_time_ms: fast\n    source: rule of thumb\n", "CAT008", 6, Severity.Error },
        { Kind + "    defaults:\n      reads_per_second: Infinity\n    source: rule of thumb\n", "CAT008", 6, Severity.Error },
        { Kind + "    defaults:\n      reads_per_second: NaN\n    source: rule of thumb\n", "CAT008", 6, Severity.Error },
        { Kind + "    defaults:\n      service_time_ms: 10\n      service_time_p99_ms: 5\n    source: rule of thumb\n", "CAT008", 7, Severity.Error },
        { Kind + "    defaults:\n      memory_gb: [64]\n    source: rule of thumb\n", "CAT002", 6, Severity.Error },

        // A figure without a source (CAT009), on the figure's key.
        { Kind + "    defaults:\n      reads_per_second: 100\n", "CAT009", 6, Severity.Error },
        { Kind + "    defaults:\n      reads_per_second: 100\n      writes_per_second: 50\n    source:\n      reads_per_second: rule of thumb\n", "CAT009", 7, Severity.Error },

        // Shapes and duplicates.
        { Kind + "    defaults: [100]\n    source: rule of thumb\n", "CAT002", 5, Severity.Error },
        { Kind + "    defaults:\n      reads_per_second: 100\n    source: [a, b]\n", "CAT002", 7, Severity.Error },
        { Kind + "    defaults:\n      reads_per_second: 100\n    source: \"  \"\n", "CAT002", 7, Severity.Error },
        { Kind + "    defaults:\n      reads_per_second: 100\n      reads_per_second: 200\n    source: rule of thumb\n", "CAT005", 7, Severity.Error },

        // Unknown keys are warnings (CAT007); sources for nothing are warnings (CAT010).
        { Kind + "    defaults:\n      reads_per_sec: 100\n    source: rule of thumb\n", "CAT007", 6, Severity.Warning },
        { Kind + "    defaults:\n      reads_per_second: 100\n    source:\n      other: rule of thumb\n      raeds_per_second: x\n", "CAT007", 9, Severity.Warning },
        { Kind + "    defaults:\n      reads_per_second: 100\n    source:\n      other: rule of thumb\n      hit_ratio: x\n", "CAT010", 9, Severity.Warning },
        { Kind + "    source: rule of thumb\n", "CAT010", 5, Severity.Warning },
    };

    [Theory]
    [MemberData(nameof(Problems))]
    public void Should_report_each_problem_with_defaults_on_its_line(string yaml, string code, int line, Severity severity)
    {
        // Given
        var text = yaml;

        // When
        var result = ComponentCatalog.Load(text);

        // Then
        var diagnostic = result.Diagnostics.ShouldHaveSingleItem();
        diagnostic.Code.ShouldBe(code);
        diagnostic.Span.Line.ShouldBe(line);
        diagnostic.Severity.ShouldBe(severity);
        diagnostic.Hint.ShouldNotBeNullOrEmpty();
        result.Catalog.Kinds.ShouldHaveSingleItem().Id.ShouldBe("cache");
    }

    [Fact]
    public void Should_suggest_the_closest_figure_for_an_unknown_default_key()
    {
        // Given
        var yaml = Kind + "    defaults:\n      reads_per_sec: 100\n    source: rule of thumb\n";

        // When
        var result = ComponentCatalog.Load(yaml);

        // Then
        result.Diagnostics.ShouldHaveSingleItem().Hint.ShouldStartWith("Did you mean 'reads_per_second'?");
    }

    [Fact]
    public void Should_leave_out_an_invalid_figure_and_keep_the_valid_ones()
    {
        // Given
        var yaml = Kind + "    defaults:\n      reads_per_second: 100\n      availability: 99.9\n    source: rule of thumb\n";

        // When
        var result = ComponentCatalog.Load(yaml);

        // Then
        result.Diagnostics.ShouldHaveSingleItem().Message.ShouldContain("availability");
        var defaults = result.Catalog.Kinds.ShouldHaveSingleItem().Defaults;
        defaults.ReadsPerSecond.ShouldNotBeNull().Value.ShouldBe(100);
        defaults.Availability.ShouldBeNull();
    }

    [Fact]
    public void Should_reject_a_technology_whose_mean_would_exceed_its_kinds_p99()
    {
        // Given
        var yaml = Kind
            + "    defaults: { service_time_ms: 1, service_time_p99_ms: 2 }\n"
            + "    source: rule of thumb\n"
            + "technologies:\n"
            + "  - id: slowcache\n"
            + "    kind: cache\n"
            + "    description: y\n"
            + "    defaults:\n"
            + "      service_time_ms: 5\n"
            + "    source: rule of thumb\n";

        // When
        var result = ComponentCatalog.Load(yaml);

        // Then
        var diagnostic = result.Diagnostics.ShouldHaveSingleItem();
        diagnostic.Code.ShouldBe(CatalogDiagnosticCodes.InvalidFigure);
        diagnostic.Span.Line.ShouldBe(12);
        result.Catalog.GetDefaults(null, "slowcache").ServiceTimeMeanSeconds.ShouldNotBeNull().From.ShouldBe("kind:cache");
    }

    [Fact]
    public void Should_convert_file_units_to_model_units()
    {
        // Given
        var yaml = Kind + "    defaults: { service_time_ms: 0.5, service_time_p99_ms: 2, memory_gb: 64, reads_per_second: 100_000 }\n    source: rule of thumb\n";

        // When
        var defaults = ComponentCatalog.Load(yaml).Catalog.Kinds.ShouldHaveSingleItem().Defaults;

        // Then
        defaults.ServiceTimeMeanSeconds.ShouldNotBeNull().Value.ShouldNotBeNull().ShouldBe(0.0005, 1e-12);
        defaults.ServiceTimeP99Seconds.ShouldNotBeNull().Value.ShouldNotBeNull().ShouldBe(0.002, 1e-12);
        defaults.MemoryBytes.ShouldNotBeNull().Value.ShouldBe(64e9);
        defaults.ReadsPerSecond.ShouldNotBeNull().Value.ShouldBe(100_000);
    }

    [Fact]
    public void Should_read_n_a_as_explicitly_not_applicable()
    {
        // Given
        var yaml = Kind + "    defaults: { reads_per_second: n/a }\n    source: rule of thumb\n";

        // When
        var defaults = ComponentCatalog.Load(yaml).Catalog.Kinds.ShouldHaveSingleItem().Defaults;

        // Then
        var reads = defaults.ReadsPerSecond.ShouldNotBeNull();
        reads.IsNotApplicable.ShouldBeTrue();
        reads.Value.ShouldBeNull();
    }

    [Fact]
    public void Should_give_per_field_sources_precedence_over_other()
    {
        // Given
        var yaml = Kind + "    defaults: { reads_per_second: 1, writes_per_second: 2 }\n    source:\n      other: general\n      writes_per_second: specific\n";

        // When
        var defaults = ComponentCatalog.Load(yaml).Catalog.Kinds.ShouldHaveSingleItem().Defaults;

        // Then
        defaults.ReadsPerSecond.ShouldNotBeNull().Source.ShouldBe("general");
        defaults.WritesPerSecond.ShouldNotBeNull().Source.ShouldBe("specific");
    }

    [Fact]
    public void Should_merge_kind_then_technology_with_the_technology_winning()
    {
        // Given
        var catalog = ComponentCatalog.Default;

        // When
        var defaults = catalog.GetDefaults(ComponentKind.Cache, "redis");

        // Then
        var reads = defaults.ReadsPerSecond.ShouldNotBeNull();
        reads.Value.ShouldBe(100_000);
        reads.From.ShouldBe("technology:redis");
        reads.Source.ShouldContain("Redis docs");
        var memory = defaults.MemoryBytes.ShouldNotBeNull();
        memory.From.ShouldBe("kind:cache");
        memory.Value.ShouldBe(64e9);
        defaults.HitRatio.ShouldNotBeNull().From.ShouldBe("kind:cache");
    }

    [Theory]
    [InlineData(null, "valkey", "technology:redis")]
    [InlineData("cache", "Valkey", "technology:redis")]
    [InlineData("cache", null, "kind:cache")]
    [InlineData("cache", "no_such_thing", "kind:cache")]
    [InlineData("sql_db", "spanner", "technology:spanner")]
    [InlineData("object_store", "gcs", "technology:s3")]
    public void Should_resolve_defaults_from_kind_ids_and_technology_aliases(string? kind, string? technology, string readsFrom)
    {
        // Given
        var catalog = ComponentCatalog.Default;

        // When
        var defaults = catalog.GetDefaults(kind is null ? null : new ComponentKind(kind), technology);

        // Then
        defaults.ReadsPerSecond.ShouldNotBeNull().From.ShouldBe(readsFrom);
    }

    [Fact]
    public void Should_return_no_figures_when_neither_kind_nor_technology_is_known()
    {
        // Given
        var catalog = ComponentCatalog.Default;

        // When
        var defaults = catalog.GetDefaults(new ComponentKind("teleporter"), "warp_drive");

        // Then
        defaults.IsEmpty.ShouldBeTrue();
    }

    [Fact]
    public void Should_let_a_design_override_any_default()
    {
        // Given
        var catalog = ComponentCatalog.Default.GetDefaults(ComponentKind.Cache, "redis");
        var design = ComponentDefaults.Empty.With(new DefaultValue(DefaultField.ReadsPerSecond, 50_000, "stated in the design", "design"));

        // When
        var merged = catalog.Merge(design);

        // Then
        merged.ReadsPerSecond.ShouldNotBeNull().From.ShouldBe("design");
        merged.WritesPerSecond.ShouldNotBeNull().From.ShouldBe("technology:redis");
    }

    [Fact]
    public void Should_give_every_kind_a_complete_generic_set()
    {
        // Given
        var kinds = ComponentCatalog.Default.Kinds;

        // When
        var incomplete = kinds
            .Where(k => k.Defaults.ReadsPerSecond is null || k.Defaults.ServiceTimeMeanSeconds is null
                || k.Defaults.ServiceTimeP99Seconds is null || k.Defaults.Availability is null)
            .Select(k => k.Id)
            .ToList();

        // Then
        incomplete.ShouldBeEmpty();
        kinds.Where(k => k.Defaults.ServiceTimeMeanSeconds!.IsNotApplicable || k.Defaults.Availability!.IsNotApplicable)
            .Select(k => k.Id).ShouldBe(["client"]);
    }

    [Fact]
    public void Should_give_every_technology_a_complete_set_through_its_kind()
    {
        // Given
        var catalog = ComponentCatalog.Default;

        // When
        var incomplete = catalog.Technologies
            .Select(t => (t.Id, Defaults: catalog.GetDefaults(t.Kind, t.Id)))
            .Where(t => t.Defaults.ReadsPerSecond is null || t.Defaults.ServiceTimeMeanSeconds?.Value is null
                || t.Defaults.ServiceTimeP99Seconds?.Value is null || t.Defaults.Availability?.Value is null)
            .Select(t => t.Id)
            .ToList();

        // Then
        incomplete.ShouldBeEmpty();
    }

    [Fact]
    public void Should_name_a_source_for_every_shipped_figure()
    {
        // Given
        var catalog = ComponentCatalog.Default;

        // When
        var figures = catalog.Kinds.SelectMany(k => k.Defaults.Values).Concat(catalog.Technologies.SelectMany(t => t.Defaults.Values)).ToList();

        // Then
        figures.Count.ShouldBeGreaterThan(200);
        figures.ShouldAllBe(f => f.Source.Length > 0);
        figures.ShouldAllBe(f => f.From.StartsWith("kind:") || f.From.StartsWith("technology:"));
    }

    [Fact]
    public void Should_keep_shipped_service_times_consistent()
    {
        // Given
        var catalog = ComponentCatalog.Default;

        // When
        var broken = catalog.Technologies
            .Select(t => (t.Id, Defaults: catalog.GetDefaults(t.Kind, t.Id)))
            .Where(t => t.Defaults.ServiceTimeP99Seconds?.Value < t.Defaults.ServiceTimeMeanSeconds?.Value)
            .Select(t => t.Id)
            .ToList();

        // Then
        broken.ShouldBeEmpty();
    }

    [Fact]
    public void Should_ship_at_least_45_kinds_and_technologies()
    {
        // Given
        var catalog = ComponentCatalog.Default;

        // When
        var count = catalog.Kinds.Count + catalog.Technologies.Count;

        // Then
        count.ShouldBeGreaterThanOrEqualTo(45);
    }

    [Theory]
    // network: DNS, CDN, L4 and L7 load balancers, API gateway, reverse proxy, WAF, rate limiter
    [InlineData("dns", "route53", "cdn", "cloudfront", "load_balancer", "aws_nlb", "aws_alb", "nginx", "haproxy", "api_gateway", "reverse_proxy", "envoy", "waf", "aws_waf", "rate_limiter")]
    // compute: stateless service, worker pool, WebSocket gateway, scheduler, stream processor, serverless function
    [InlineData("service", "worker", "websocket_gateway", "scheduler", "stream_processor", "flink", "function", "lambda")]
    // storage
    [InlineData("postgres", "mysql", "redis", "memcached", "cassandra", "dynamodb", "mongodb", "elasticsearch", "s3", "clickhouse", "influxdb", "neo4j", "pinecone", "geo_index", "postgis", "redis_geo")]
    // messaging: Kafka, RabbitMQ, SQS-style queue, pub/sub, dead-letter queue
    [InlineData("kafka", "rabbitmq", "sqs", "pubsub", "sns", "dlq")]
    // infrastructure: ID generator, ZooKeeper/etcd coordination, distributed lock, service discovery, monitoring
    [InlineData("id_generator", "snowflake_id", "zookeeper", "etcd", "lock_service", "service_discovery", "consul", "monitoring", "prometheus")]
    public void Should_ship_every_component_the_requirement_names(params string[] ids)
    {
        // Given
        var catalog = ComponentCatalog.Default;
        var known = catalog.Kinds.Select(k => k.Id).Concat(catalog.Technologies.Select(t => t.Id)).ToHashSet();

        // When
        var missing = ids.Where(id => !known.Contains(id)).ToList();

        // Then
        missing.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("aws_nlb", "nlb")]
    [InlineData("aws_alb", "alb")]
    [InlineData("aws_alb", "l7_load_balancer")]
    [InlineData("aws_nlb", "l4-load-balancer")]
    public void Should_resolve_l4_and_l7_balancers_to_the_load_balancer_kind(string technology, string word)
    {
        // Given
        var catalog = ComponentCatalog.Default;

        // When
        var found = catalog.TryResolve(word, out var kind, out var tech);

        // Then
        found.ShouldBeTrue();
        kind!.Kind.ShouldBe(ComponentKind.LoadBalancer);
        tech.ShouldNotBeNull().Id.ShouldBe(technology);
    }

    [Fact]
    public void Should_list_every_kind_and_technology_in_the_catalog_doc()
    {
        // Given
        var doc = File.ReadAllText(Path.Combine(DesignDocs.DocumentSkeletonTests.RepositoryRoot(), "docs", "catalog.md"));
        var catalog = ComponentCatalog.Default;

        // When
        var missing = catalog.Kinds.Select(k => k.Id).Concat(catalog.Technologies.Select(t => t.Id))
            .Where(id => !doc.Contains($"`{id}`", StringComparison.Ordinal))
            .ToList();

        // Then
        missing.ShouldBeEmpty();
    }

    [Fact]
    public void Should_describe_every_default_field_in_the_catalog_doc()
    {
        // Given
        var doc = File.ReadAllText(Path.Combine(DesignDocs.DocumentSkeletonTests.RepositoryRoot(), "docs", "catalog.md"));

        // When
        var missing = DefaultFields.All.Where(s => !doc.Contains($"`{s.YamlKey}`", StringComparison.Ordinal)).Select(s => s.YamlKey).ToList();

        // Then
        missing.ShouldBeEmpty();
    }

    [Fact]
    public void Should_list_every_default_field_once_in_enum_order()
    {
        // Given
        var fields = Enum.GetValues<DefaultField>();

        // When
        var listed = DefaultFields.All.Select(s => s.Field).ToList();

        // Then
        listed.ShouldBe(fields);
        DefaultFields.All.Select(s => s.YamlKey).Distinct().Count().ShouldBe(fields.Length);
        fields.ShouldAllBe(f => DefaultFields.Get(f).Field == f);
    }
}
