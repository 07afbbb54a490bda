using DesignDrill.Core.Catalog;
using DesignDrill.Core.Diagnostics;
using DesignDrill.Core.Review;
using DesignDrill.Core.Tests.Review;

namespace DesignDrill.Core.Tests.Catalog;

public class PromptCatalogTests
{
    private const string Valid =
        """
        id: demo
        title: Demo
        difficulty: easy
        levels: [mid, senior]
        tags: [caching]
        brief: Design a demo.
        facts:
          - topic: scale.dau
            answer: 1M daily users.
            phrasings: [How many users?]
        tests: [Estimates]
        hard_parts:
          - name: Caching
            concepts: [ttl]
        follow_ups: [What breaks at 10x?]
        constraint_changes:
          - name: ten-x
            description: Ten times the traffic.
            change: { scale_flows: 10 }
          - name: flush
            description: The cache is flushed.
            change: { fault: cache_flush, component: cache }
        reference_design: reference/demo.md
        """;

    private static PromptCatalogLoadResult Load(string yaml, string file = "demo.yaml") =>
        PromptCatalog.LoadText(file, yaml, path => path == "reference/demo.md" ? "# Demo\n" : null);

    [Fact]
    public void Should_load_a_valid_prompt_with_every_part()
    {
        // Given a complete prompt  // When it is loaded
        var result = Load(Valid);

        // Then
        result.Diagnostics.ShouldBeEmpty();
        var prompt = result.Catalog.Get("demo").ShouldNotBeNull();
        prompt.Facts.ShouldHaveSingleItem().Phrasings.ShouldBe(["How many users?"]);
        prompt.ConstraintChanges.Select(c => c.Change).ShouldBe([new ScaleFlows(10), new CacheFlush("cache")]);
        prompt.ReferenceDesignText.ShouldBe("# Demo\n");
        prompt.Facts[0].Span.Line.ShouldBe(8);
    }

    [Theory]
    [InlineData("topic: scale.dau", "topic: scale.daus", PromptCatalogDiagnosticCodes.UnknownTopic, 8, 12, "scale.dau")]
    [InlineData("topic: scale.dau", "topic: dau", PromptCatalogDiagnosticCodes.UnknownTopic, 8, 12, "scale.dau")]
    [InlineData("difficulty: easy", "difficulty: trivial", PromptCatalogDiagnosticCodes.InvalidValue, 3, 13, "easy, medium, hard")]
    [InlineData("levels: [mid, senior]", "levels: [mid, principal]", PromptCatalogDiagnosticCodes.InvalidValue, 4, 15, "mid, senior or staff")]
    [InlineData("levels: [mid, senior]", "levels: [mid, mid]", PromptCatalogDiagnosticCodes.Duplicate, 4, 15, "once")]
    [InlineData("levels: [mid, senior]", "levels: [mid, senior]\nstresses: [scalibility]", PromptCatalogDiagnosticCodes.InvalidValue, 5, 12, "Did you mean 'scalability'?")]
    [InlineData("levels: [mid, senior]", "levels: [mid, senior]\nstresses: [reliability, reliability]", PromptCatalogDiagnosticCodes.Duplicate, 5, 25, "once")]
    [InlineData("reference_design: reference/demo.md", "reference_design: reference/gone.md", PromptCatalogDiagnosticCodes.ReferenceDesignMissing, 23, 19, "design format")]
    [InlineData("reference_design: reference/demo.md", "reference_design: ../secret.md", PromptCatalogDiagnosticCodes.ReferenceDesignMissing, 23, 19, "relative path")]
    [InlineData("change: { scale_flows: 10 }", "change: { scale_flows: -1 }", PromptCatalogDiagnosticCodes.InvalidChange, 19, 28, "multiplier")]
    [InlineData("change: { fault: cache_flush, component: cache }", "change: { fault: cache_flsh, component: cache }", PromptCatalogDiagnosticCodes.InvalidChange, 22, 22, "cache_flush")]
    [InlineData("change: { fault: cache_flush, component: cache }", "change: { fault: cache_flush }", PromptCatalogDiagnosticCodes.InvalidChange, 22, 22, "component: cache")]
    [InlineData("brief: Design a demo.", "brief: [a, b]", PromptCatalogDiagnosticCodes.WrongShape, 6, 8, "brief: text")]
    [InlineData("title: Demo", "title: Demo\nid: again", PromptCatalogDiagnosticCodes.Duplicate, 3, 1, "Keep one")]
    public void Should_report_a_bad_value_at_its_line_and_column(string find, string replace, string code, int line, int column, string hint)
    {
        // Given a prompt with one mistake  // When it is loaded
        var result = Load(Valid.Replace(find, replace, StringComparison.Ordinal));

        // Then one error at the mistake, with a hint, and the prompt is left out
        var diagnostic = result.Diagnostics.ShouldHaveSingleItem();
        diagnostic.Code.ShouldBe(code);
        diagnostic.Severity.ShouldBe(Severity.Error);
        (diagnostic.Diagnostic.Span.Line, diagnostic.Diagnostic.Span.Column).ShouldBe((line, column));
        diagnostic.Diagnostic.Hint.ShouldNotBeNull().ShouldContain(hint);
        diagnostic.File.ShouldBe("demo.yaml");
        result.Catalog.Prompts.ShouldBeEmpty();
    }

    [Fact]
    public void Should_report_a_missing_required_field_at_the_mapping()
    {
        // Given a prompt without a brief  // When
        var result = Load(Valid.Replace("brief: Design a demo.\n", "", StringComparison.Ordinal));

        // Then
        var diagnostic = result.Diagnostics.ShouldHaveSingleItem();
        diagnostic.Code.ShouldBe(PromptCatalogDiagnosticCodes.MissingField);
        diagnostic.Diagnostic.Message.ShouldContain("'brief'");
        diagnostic.Diagnostic.Span.Line.ShouldBe(1);
    }

    [Fact]
    public void Should_warn_about_an_unknown_key_and_still_load()
    {
        // Given a misspelt optional key  // When
        var result = Load(Valid.Replace("tags: [caching]", "tag: [caching]", StringComparison.Ordinal));

        // Then
        var diagnostic = result.Diagnostics.ShouldHaveSingleItem();
        (diagnostic.Code, diagnostic.Severity, diagnostic.Diagnostic.Span.Line).ShouldBe((PromptCatalogDiagnosticCodes.UnknownKey, Severity.Warning, 5));
        diagnostic.Diagnostic.Hint.ShouldNotBeNull().ShouldContain("Did you mean 'tags'?");
        result.Catalog.Get("demo").ShouldNotBeNull();
    }

    [Fact]
    public void Should_warn_when_the_id_differs_from_the_file_name()
    {
        // Given / When
        var result = Load(Valid, "other.yaml");

        // Then
        result.Diagnostics.ShouldHaveSingleItem().Code.ShouldBe(PromptCatalogDiagnosticCodes.IdFileNameMismatch);
    }

    [Fact]
    public void Should_report_broken_yaml_without_throwing()
    {
        // Given / When
        var result = Load("id: demo\ntitle: [unclosed\n");

        // Then
        var diagnostic = result.Diagnostics.ShouldHaveSingleItem();
        diagnostic.Code.ShouldBe(PromptCatalogDiagnosticCodes.YamlSyntax);
        diagnostic.Diagnostic.Span.HasLocation.ShouldBeTrue();
    }

    [Fact]
    public void Should_report_a_duplicate_id_in_a_directory_and_a_missing_directory()
    {
        // Given two files with the same id
        var directory = Directory.CreateTempSubdirectory("drill-prompts-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(directory, "reference"));
            File.WriteAllText(Path.Combine(directory, "reference", "demo.md"), "# Demo\n");
            File.WriteAllText(Path.Combine(directory, "demo.yaml"), Valid);
            File.WriteAllText(Path.Combine(directory, "demo2.yaml"), Valid);

            // When
            var result = PromptCatalog.LoadDirectory(directory);

            // Then
            var duplicate = result.Diagnostics.Single(d => d.Code == PromptCatalogDiagnosticCodes.Duplicate);
            duplicate.File.ShouldEndWith("demo2.yaml");
            duplicate.Diagnostic.Span.Line.ShouldBe(1);
            duplicate.ToString().ShouldContain("demo2.yaml:1:5: error PRM005");
            result.Catalog.Prompts.Count.ShouldBe(1);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }

        PromptCatalog.LoadDirectory(directory).Diagnostics.ShouldHaveSingleItem().Code.ShouldBe(PromptCatalogDiagnosticCodes.NoPrompts);
    }

    [Fact]
    public void Should_load_every_bundled_prompt_without_errors_or_warnings()
    {
        // Given / When
        var result = PromptCatalog.DefaultLoadResult;

        // Then
        result.Diagnostics.ShouldBeEmpty(string.Join("\n", result.Diagnostics));
        var files = Directory.GetFiles(RepoFiles.Path("catalog/prompts"), "*.yaml").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal);
        result.Catalog.Prompts.Select(p => p.Id).Order(StringComparer.Ordinal).ShouldBe(files!);
        result.Catalog.Prompts.Count.ShouldBeGreaterThanOrEqualTo(40);
    }

    public static TheoryData<string> BundledIds() => [.. PromptCatalog.Default.Prompts.Select(p => p.Id)];

    [Theory]
    [MemberData(nameof(BundledIds))]
    public void Should_give_every_bundled_prompt_a_full_fact_sheet(string id)
    {
        // Given
        var prompt = PromptCatalog.Default.Get(id).ShouldNotBeNull();

        // Then: at least 12 facts covering the core topics, and 2-3 hard parts
        prompt.Facts.Count.ShouldBeGreaterThanOrEqualTo(12);
        string[] core = ["traffic.peak", "data.payload_size", "latency.target", "availability.target", "consistency", "geography", "scope.features", "maturity"];
        core.Where(t => prompt.FactsAbout(t).Count == 0).ShouldBeEmpty();
        prompt.HardParts.Count.ShouldBeInRange(2, 3);
        prompt.Stresses.Count.ShouldBeInRange(1, 3);
        prompt.ReferenceDesign.ShouldBe($"reference/{id}.md");
    }

    [Theory]
    [MemberData(nameof(BundledIds))]
    public void Should_review_every_reference_design_without_errors(string id)
    {
        // Given
        var prompt = PromptCatalog.Default.Get(id).ShouldNotBeNull();

        // When
        var report = DesignReviewer.Review(prompt.ReferenceDesignText.ShouldNotBeNull());

        // Then
        report.Count(Severity.Error).ShouldBe(0, string.Join("\n", report.Findings.Where(f => f.Severity == Severity.Error)));
        report.Document.FrontMatter.ShouldNotBeNull().Prompt.ShouldBe(id);
    }

    [Fact]
    public void Should_load_the_topics_file_and_reject_duplicate_topic_ids()
    {
        // Given the shipped topics  // Then
        TopicCatalog.Default.Topics.Count.ShouldBe(24);

        // Given a duplicate id  // When
        var result = TopicCatalog.Load("topics:\n  - id: scale.dau\n    description: A.\n  - id: scale.dau\n    description: B.\n");

        // Then
        var diagnostic = result.Diagnostics.ShouldHaveSingleItem();
        (diagnostic.Code, diagnostic.Span.Line, diagnostic.Span.Column).ShouldBe((PromptCatalogDiagnosticCodes.TopicDuplicate, 4, 9));
        result.Topics.Topics.Count.ShouldBe(1);
    }
}
