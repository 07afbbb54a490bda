using DesignDrill.Core.Catalog;
using DesignDrill.Core.Diagnostics;

namespace DesignDrill.Core.Tests.Catalog;

public sealed class ComponentCatalogTests
{
    [Fact]
    public void Should_load_the_shipped_catalog_without_diagnostics()
    {
        // Given
        var path = Path.Combine(DesignDocs.DocumentSkeletonTests.RepositoryRoot(), "catalog", "components.yaml");

        // When
        var result = ComponentCatalog.Load(File.ReadAllText(path));

        // Then
        result.Diagnostics.ShouldBeEmpty();
        result.Catalog.Kinds.Count.ShouldBe(ComponentCatalog.Default.Kinds.Count);
        result.Catalog.Kinds.Select(k => k.Id).ShouldContain("wide_column_db");
    }

    [Theory]
    [InlineData("lb", "load_balancer", null)]
    [InlineData("PostgreSQL", "sql_db", "postgres")]
    [InlineData("memcached", "cache", "memcached")]
    [InlineData("dynamodb", "kv_store", "dynamodb")]
    [InlineData("mongodb", "document_db", "mongodb")]
    [InlineData("clickhouse", "warehouse", "clickhouse")]
    [InlineData("rabbitmq", "queue", "rabbitmq")]
    [InlineData("pulsar", "stream", "kafka")]
    [InlineData("zookeeper", "coordination", "zookeeper")]
    [InlineData("nginx", "load_balancer", "nginx")]
    [InlineData("envoy", "reverse_proxy", "envoy")]
    [InlineData("gcs", "object_store", "s3")]
    [InlineData("api-gateway", "api_gateway", null)]
    public void Should_resolve_words_to_kinds_and_technologies(string word, string kind, string? technology)
    {
        // Given
        var catalog = ComponentCatalog.Default;

        // When
        var found = catalog.TryResolve(word, out var kindInfo, out var technologyInfo);

        // Then
        found.ShouldBeTrue();
        kindInfo.ShouldNotBeNull().Id.ShouldBe(kind);
        technologyInfo?.Id.ShouldBe(technology);
        (technologyInfo is null).ShouldBe(technology is null);
    }

    [Theory]
    [InlineData("reddis", "redis")]
    [InlineData("postgress", "postgres")]
    [InlineData("load_balancr", "load_balancer")]
    [InlineData("kafak", "kafka")]
    public void Should_suggest_the_closest_known_words(string word, string expected)
    {
        // Given
        var catalog = ComponentCatalog.Default;

        // When
        var suggestions = catalog.Suggest(word);

        // Then
        suggestions.ShouldContain(expected);
        suggestions.Count.ShouldBeLessThanOrEqualTo(3);
    }

    [Theory]
    [InlineData("kinds:\n  - id: cache\n    description: x\n", "CAT003", 2)]
    [InlineData("kinds:\n  - id: cache\n    category: brain\n    description: x\n", "CAT004", 3)]
    [InlineData("kinds:\n  - id: Cache!\n    category: storage\n    description: x\n", "CAT004", 2)]
    [InlineData("kinds:\n  - id: cache\n    category: storage\n    description: x\n  - id: cache\n    category: storage\n    description: y\n", "CAT005", 5)]
    [InlineData("kinds:\n  - id: cache\n    category: storage\n    description: x\ntechnologies:\n  - id: redis\n    kind: cahce\n    description: y\n", "CAT006", 7)]
    [InlineData("kinds:\n  - id: cache\n    category: storage\n    description: x\n    capacity_rps: 5\n", "CAT007", 5)]
    [InlineData("kinds:\n  - id: cache\n   category: storage\n", "CAT001", 3)]
    [InlineData("kinds: 5\n", "CAT002", 1)]
    [InlineData("kinds:\n  - id: cache\n    category: storage\n    description: x\n    stateful: maybe\n", "CAT004", 5)]
    [InlineData("kinds:\n  - id: cache\n    category: storage\n    description: x\n    aliases: [lb]\n  - id: load_balancer\n    category: network\n    description: y\n    aliases: [lb]\n", "CAT005", 9)]
    public void Should_report_catalog_problems_with_their_line(string yaml, string code, int line)
    {
        // Given
        var text = yaml;

        // When
        var result = ComponentCatalog.Load(text);

        // Then
        var diagnostic = result.Diagnostics.ShouldHaveSingleItem();
        diagnostic.Code.ShouldBe(code);
        diagnostic.Span.Line.ShouldBe(line);
        diagnostic.Hint.ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public void Should_refuse_yaml_aliases_in_the_catalog()
    {
        // Given
        var yaml = "kinds:\n  - &k\n    id: cache\n    category: storage\n    description: x\n  - *k\n";

        // When
        var result = ComponentCatalog.Load(yaml);

        // Then
        var diagnostic = result.Diagnostics.ShouldHaveSingleItem();
        diagnostic.Code.ShouldBe("CAT001");
        diagnostic.Span.Line.ShouldBe(6);
        result.Catalog.Kinds.ShouldBeEmpty();
    }

    [Fact]
    public void Should_keep_valid_entries_when_others_are_invalid()
    {
        // Given
        var yaml = "kinds:\n  - id: cache\n    category: storage\n    description: x\n  - id: broken\n";

        // When
        var result = ComponentCatalog.Load(yaml);

        // Then
        result.HasErrors.ShouldBeTrue();
        result.Catalog.Kinds.ShouldHaveSingleItem().Id.ShouldBe("cache");
        result.Diagnostics.ShouldAllBe(d => d.Severity == Severity.Error);
    }

    [Fact]
    public void Should_treat_unknown_keys_as_warnings_so_the_schema_can_grow()
    {
        // Given
        var yaml = "kinds:\n  - id: cache\n    category: storage\n    description: x\nfigures: {}\n";

        // When
        var result = ComponentCatalog.Load(yaml);

        // Then
        result.HasErrors.ShouldBeFalse();
        result.Diagnostics.ShouldHaveSingleItem().Severity.ShouldBe(Severity.Warning);
        result.Catalog.Kinds.ShouldHaveSingleItem();
    }
}
