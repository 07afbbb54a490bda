using DesignDrill.Core.DesignDocs;
using DesignDrill.Core.Diagnostics;

namespace DesignDrill.Core.Tests.DesignDocs;

public sealed class DocumentSkeletonTests
{
    [Theory]
    [InlineData("Clarifying questions", SectionKind.ClarifyingQuestions)]
    [InlineData("Questions", SectionKind.ClarifyingQuestions)]
    [InlineData("Clarifications", SectionKind.ClarifyingQuestions)]
    [InlineData("Assumptions", SectionKind.ClarifyingQuestions)]
    [InlineData("REQUIREMENTS", SectionKind.Requirements)]
    [InlineData("Non-functional requirements", SectionKind.Requirements)]
    [InlineData("Estimates", SectionKind.Estimates)]
    [InlineData("Estimations", SectionKind.Estimates)]
    [InlineData("Back of the envelope", SectionKind.Estimates)]
    [InlineData("Back-of-the-envelope estimates", SectionKind.Estimates)]
    [InlineData("Capacity estimates", SectionKind.Estimates)]
    [InlineData("Capacity planning", SectionKind.Estimates)]
    [InlineData("API", SectionKind.Api)]
    [InlineData("API design", SectionKind.Api)]
    [InlineData("Interface", SectionKind.Api)]
    [InlineData("Data model", SectionKind.DataModel)]
    [InlineData("Schema", SectionKind.DataModel)]
    [InlineData("Storage", SectionKind.DataModel)]
    [InlineData("Architecture", SectionKind.Architecture)]
    [InlineData("High-level design", SectionKind.Architecture)]
    [InlineData("High level architecture", SectionKind.Architecture)]
    [InlineData("Deep dives", SectionKind.DeepDives)]
    [InlineData("Deep dive", SectionKind.DeepDives)]
    [InlineData("Detailed design", SectionKind.DeepDives)]
    [InlineData("Bottlenecks and failure modes", SectionKind.BottlenecksAndFailureModes)]
    [InlineData("Bottlenecks & failure modes", SectionKind.BottlenecksAndFailureModes)]
    [InlineData("Bottlenecks", SectionKind.BottlenecksAndFailureModes)]
    [InlineData("Failure modes", SectionKind.BottlenecksAndFailureModes)]
    [InlineData("Reliability", SectionKind.BottlenecksAndFailureModes)]
    [InlineData("Trade-offs", SectionKind.TradeOffs)]
    [InlineData("Tradeoffs", SectionKind.TradeOffs)]
    [InlineData("Operations", SectionKind.Operations)]
    [InlineData("Observability", SectionKind.Operations)]
    [InlineData("Monitoring", SectionKind.Operations)]
    [InlineData("3. Estimates (back of the envelope)", SectionKind.Estimates)]
    [InlineData("Step 5: High-level design", SectionKind.Architecture)]
    [InlineData("Storage estimates", SectionKind.Estimates)]
    [InlineData("Lunch plans", SectionKind.Unknown)]
    public void Should_recognise_section_titles_and_aliases(string title, SectionKind expected)
    {
        // Given
        var text = $"## {title}\nsome text\n";

        // When
        var document = DesignDocumentParser.Parse(text);

        // Then
        document.Sections.Count.ShouldBe(1);
        document.Sections[0].Kind.ShouldBe(expected);
        document.Sections[0].Title.ShouldBe(title);
    }

    [Fact]
    public void Should_keep_an_unknown_section_with_its_lines_and_note_it()
    {
        // Given
        var text = "# Title\n\n## Lunch plans\nPizza.\nMore pizza.\n## API\n";

        // When
        var document = DesignDocumentParser.Parse(text);

        // Then
        var section = document.Sections[0];
        section.Kind.ShouldBe(SectionKind.Unknown);
        section.HeadingSpan.ShouldBe(new SourceSpan(3, 4, 15));
        section.StartLine.ShouldBe(3);
        section.EndLine.ShouldBe(5);
        section.Lines.Select(l => l.Text).ShouldBe(["Pizza.", "More pizza."]);
        document.Diagnostics.ShouldContain(d => d.Code == "DOC009" && d.Severity == Severity.Info && d.Span.Line == 3);
    }

    [Fact]
    public void Should_warn_about_a_duplicate_recognised_section()
    {
        // Given
        var text = "## Estimates\na = 1\n## Estimations\nb = 2\n";

        // When
        var document = DesignDocumentParser.Parse(text);

        // Then
        var diagnostic = document.Diagnostics.ShouldHaveSingleItem();
        diagnostic.Code.ShouldBe("DOC008");
        diagnostic.Span.ShouldBe(new SourceSpan(3, 4, 15));
        document.Estimates.Select(e => e.Name).ShouldBe(["a", "b"]);
    }

    [Fact]
    public void Should_read_the_title_from_the_first_h1_and_text_before_sections_as_preamble()
    {
        // Given
        var text = "# URL shortener #\nA short intro.\n## API\n";

        // When
        var document = DesignDocumentParser.Parse(text);

        // Then
        document.Title.ShouldBe("URL shortener");
        document.TitleSpan.ShouldBe(new SourceSpan(1, 3, 16));
        document.Preamble.ShouldHaveSingleItem().Text.ShouldBe("A short intro.");
        document.GetSection(SectionKind.Api).ShouldNotBeNull();
    }

    [Fact]
    public void Should_read_setext_headings()
    {
        // Given
        var text = "URL shortener\n=============\n\nEstimates\n---------\ndau = 100M\n";

        // When
        var document = DesignDocumentParser.Parse(text);

        // Then
        document.Title.ShouldBe("URL shortener");
        document.GetSection(SectionKind.Estimates)!.HeadingSpan.ShouldBe(new SourceSpan(4, 1, 10));
        document.Estimates.ShouldHaveSingleItem().Name.ShouldBe("dau");
    }

    [Fact]
    public void Should_warn_about_a_second_h1_and_read_it_as_a_section()
    {
        // Given
        var text = "# Title\n# Another title\ntext\n";

        // When
        var document = DesignDocumentParser.Parse(text);

        // Then
        document.Title.ShouldBe("Title");
        document.Sections.ShouldHaveSingleItem().Title.ShouldBe("Another title");
        document.Diagnostics.ShouldContain(d => d.Code == "DOC011" && d.Span.Line == 2);
    }

    [Fact]
    public void Should_not_read_headings_inside_fenced_code_and_should_mark_code_lines()
    {
        // Given
        var text = "## Architecture\n```text\n## not a heading\napi: service\n```";

        // When
        var document = DesignDocumentParser.Parse(text);

        // Then
        var section = document.Sections.ShouldHaveSingleItem();
        section.Lines.Select(l => l.Role).ShouldBe([LineRole.Fence, LineRole.Code, LineRole.Code, LineRole.Fence]);
        section.Lines[1].CodeLanguage.ShouldBe("text");
        document.Architecture.Components.ShouldHaveSingleItem().Name.ShouldBe("api");
    }

    [Fact]
    public void Should_warn_about_an_unclosed_code_fence()
    {
        // Given
        var text = "## Estimates\n  ```\ndau = 100M\n";

        // When
        var document = DesignDocumentParser.Parse(text);

        // Then
        var diagnostic = document.Diagnostics.ShouldHaveSingleItem();
        diagnostic.Code.ShouldBe("DOC010");
        diagnostic.Span.ShouldBe(new SourceSpan(2, 3, 6));
        document.Estimates.ShouldHaveSingleItem();
    }

    [Fact]
    public void Should_follow_commonmark_for_what_is_a_heading()
    {
        // Given no space after '#', four spaces of indentation, a heading in a quote and one in a list item
        var text = "## Estimates\na = 1\n#Architecture\n\n    ## API\n\n> ## Data model\n- ## Deep dives\n";

        // When
        var document = DesignDocumentParser.Parse(text);

        // Then only the first line is a heading; the indented one is code
        var section = document.Sections.ShouldHaveSingleItem();
        section.Kind.ShouldBe(SectionKind.Estimates);
        section.Lines.Select(l => l.Role).ShouldBe([LineRole.Text, LineRole.Text, LineRole.Text, LineRole.Code, LineRole.Text, LineRole.Text, LineRole.Text, LineRole.Text]);
        section.Lines[3].CodeLanguage.ShouldBeNull();
    }

    [Fact]
    public void Should_read_a_paragraph_underlined_with_dashes_as_one_heading()
    {
        // Given a two-line paragraph directly above '---'
        var text = "# T\n\nDeep\ndives\n---\ntext\n";

        // When
        var document = DesignDocumentParser.Parse(text);

        // Then it is one H2 whose span is on its first line, and its lines are not section text
        var section = document.Sections.ShouldHaveSingleItem();
        section.Kind.ShouldBe(SectionKind.DeepDives);
        section.Title.ShouldBe("Deep dives");
        section.HeadingSpan.ShouldBe(new SourceSpan(3, 1, 5));
        section.Lines.Select(l => (l.Line, l.Role)).ShouldBe([(4, LineRole.Heading), (5, LineRole.Heading), (6, LineRole.Text), (7, LineRole.Text)]);
    }

    [Fact]
    public void Should_read_fences_inside_quotes_and_list_items()
    {
        // Given a closed fence in a quote and one in a list item
        var text = "## Architecture\n> ```text\n> api: service\n> ```\n\n1. Components:\n   ```\n   db: postgres\n   ```\n";

        // When
        var document = DesignDocumentParser.Parse(text);

        // Then
        var roles = document.Sections.ShouldHaveSingleItem().Lines.Select(l => l.Role);
        roles.ShouldBe([LineRole.Fence, LineRole.Code, LineRole.Fence, LineRole.Text, LineRole.Text, LineRole.Fence, LineRole.Code, LineRole.Fence, LineRole.Text]);
        document.Architecture.Components.Select(c => (c.Name, c.NameSpan)).ShouldBe([("api", new SourceSpan(3, 3, 6)), ("db", new SourceSpan(8, 4, 6))]);
        document.Diagnostics.ShouldBeEmpty();
    }

    [Fact]
    public void Should_say_an_unclosed_fence_in_a_list_item_ends_with_the_item()
    {
        // Given a fence whose list item ends before a closing fence
        var text = "## Architecture\n- Components:\n  ```\n  api: service\nAfter the list.\n";

        // When
        var document = DesignDocumentParser.Parse(text);

        // Then
        var diagnostic = document.Diagnostics.ShouldHaveSingleItem();
        diagnostic.Code.ShouldBe(DocDiagnosticCodes.UnclosedFence);
        diagnostic.Span.ShouldBe(new SourceSpan(3, 3, 6));
        diagnostic.Message.ShouldContain("list item or quote that holds it, at line 4");
        document.Sections[0].Lines.Select(l => l.Role).ShouldBe([LineRole.Text, LineRole.Fence, LineRole.Code, LineRole.Text, LineRole.Text]);
        document.Architecture.Components.ShouldHaveSingleItem().Name.ShouldBe("api");
    }

    [Theory]
    [InlineData('\u2028')]
    [InlineData('\u2029')]
    [InlineData('\u0085')]
    public void Should_count_only_cr_and_lf_as_line_ends_when_mapping_markdown_blocks(char separator)
    {
        // Given a Unicode line separator inside a line, a lone CR and CRLF
        var text = $"# T\r## Estimates\r\nnote{separator}more\r```\r\ndau = 1\n```\n## API\nGET /x\n";

        // When
        var document = DesignDocumentParser.Parse(text);

        // Then every block is on the line our own numbering gives it
        document.Title.ShouldBe("T");
        document.Sections.Select(s => (s.Kind, s.HeadingSpan.Line)).ShouldBe([(SectionKind.Estimates, 2), (SectionKind.Api, 7)]);
        document.Sections[0].Lines.Select(l => l.Role).ShouldBe([LineRole.Text, LineRole.Fence, LineRole.Code, LineRole.Fence]);
        document.Estimates.ShouldHaveSingleItem().NameSpan.ShouldBe(new SourceSpan(5, 1, 4));
        document.Api.ShouldHaveSingleItem().Span.Line.ShouldBe(8);
    }

    [Fact]
    public void Should_report_markdown_nested_too_deeply_instead_of_failing()
    {
        // Given 200 nested quotes
        var text = "## Estimates\ndau = 1\n" + new string('>', 200) + " x\n";

        // When
        var document = DesignDocumentParser.Parse(text);

        // Then
        var diagnostic = document.Diagnostics.ShouldHaveSingleItem();
        diagnostic.Code.ShouldBe(DocDiagnosticCodes.TooDeeplyNested);
        diagnostic.Severity.ShouldBe(Severity.Error);
        document.Sections.ShouldBeEmpty();
    }

    [Fact]
    public void Should_keep_subsections_with_their_lines()
    {
        // Given
        var text = "## Deep dives\nintro\n### Key generation\nbase62\n### Hot keys\nreplicate\n";

        // When
        var document = DesignDocumentParser.Parse(text);

        // Then
        var section = document.GetSection(SectionKind.DeepDives)!;
        section.Subsections.Select(s => (s.Title, s.StartLine, s.EndLine)).ShouldBe([("Key generation", 3, 4), ("Hot keys", 5, 7)]);
        section.Subsections[0].Lines.ShouldHaveSingleItem().Text.ShouldBe("base62");
        section.Lines.Count.ShouldBe(6);
    }

    [Theory]
    [InlineData("\r\n")]
    [InlineData("\r")]
    [InlineData("\n")]
    public void Should_give_the_same_positions_for_every_line_ending(string newline)
    {
        // Given
        var text = string.Join(newline, "# T", "## Estimates", "  dau = 100M ≈ 1e8");

        // When
        var document = DesignDocumentParser.Parse(text);

        // Then
        document.LineCount.ShouldBe(3);
        var estimate = document.Estimates.ShouldHaveSingleItem();
        estimate.NameSpan.ShouldBe(new SourceSpan(3, 3, 6));
        estimate.ExpressionSpan.ShouldBe(new SourceSpan(3, 9, 13));
        estimate.StatedSpan.ShouldBe(new SourceSpan(3, 16, 19));
    }

    [Fact]
    public void Should_not_count_a_byte_order_mark_as_a_column()
    {
        // Given
        var text = "\uFEFF---\nlevel: staff\n---\n## Estimates\ndau = 1\n";

        // When
        var document = DesignDocumentParser.Parse(text);

        // Then
        document.FrontMatter!.Level.ShouldBe(DesignLevel.Staff);
        document.Estimates.ShouldHaveSingleItem().NameSpan.ShouldBe(new SourceSpan(5, 1, 4));
    }

    [Fact]
    public void Should_parse_the_complete_example_without_diagnostics()
    {
        // Given
        var text = SampleDocuments.UrlShortener;

        // When
        var document = DesignDocumentParser.Parse(text);

        // Then
        document.Diagnostics.ShouldBeEmpty();
        document.Title.ShouldBe("URL shortener");
        document.Sections.Select(s => s.Kind).ShouldBe(
        [
            SectionKind.ClarifyingQuestions, SectionKind.Requirements, SectionKind.Estimates, SectionKind.Api, SectionKind.DataModel,
            SectionKind.Architecture, SectionKind.DeepDives, SectionKind.BottlenecksAndFailureModes, SectionKind.TradeOffs, SectionKind.Operations,
        ]);
        document.ClarifyingQuestions.Count.ShouldBe(3);
        document.Requirements.Functional.Count.ShouldBe(2);
        document.Requirements.NonFunctional.Count.ShouldBe(10);
        document.Estimates.Count.ShouldBe(5);
        document.Api.Count.ShouldBe(3);
        document.Entities.Count.ShouldBe(2);
        document.Architecture.Components.Count.ShouldBe(6);
        document.Architecture.Flows.Count.ShouldBe(3);
    }

    [Fact]
    public void Should_keep_the_example_in_the_format_spec_in_sync_with_the_tests()
    {
        // Given
        var spec = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "design-format.md")).ReplaceLineEndings("\n");

        // When
        var contains = spec.Contains(SampleDocuments.UrlShortener.ReplaceLineEndings("\n"), StringComparison.Ordinal);

        // Then
        contains.ShouldBeTrue("docs/design-format.md must contain SampleDocuments.UrlShortener verbatim.");
    }

    internal static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "DesignDrill.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("DesignDrill.slnx not found above the test directory.");
    }
}
