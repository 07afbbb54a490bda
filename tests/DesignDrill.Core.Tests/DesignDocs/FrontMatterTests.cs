using DesignDrill.Core.DesignDocs;
using DesignDrill.Core.Diagnostics;

namespace DesignDrill.Core.Tests.DesignDocs;

public sealed class FrontMatterTests
{
    [Fact]
    public void Should_read_prompt_level_and_raw_conventions_with_spans()
    {
        // Given
        var text = "---\nprompt: url-shortener\nlevel: Senior\nconventions:\n  seconds_per_month: 2.5M\n  days_per_year: 365\n---\n# T\n";

        // When
        var document = DesignDocumentParser.Parse(text);

        // Then
        document.Diagnostics.ShouldBeEmpty();
        var frontMatter = document.FrontMatter.ShouldNotBeNull();
        frontMatter.Prompt.ShouldBe("url-shortener");
        frontMatter.PromptSpan.ShouldBe(new SourceSpan(2, 9, 22));
        frontMatter.Level.ShouldBe(DesignLevel.Senior);
        frontMatter.EndLine.ShouldBe(7);
        frontMatter.Conventions.Select(c => (c.Key, c.ValueText)).ShouldBe([("seconds_per_month", "2.5M"), ("days_per_year", "365")]);
        frontMatter.GetConvention("SECONDS_PER_MONTH")!.ValueSpan.ShouldBe(new SourceSpan(5, 22, 26));
        document.Title.ShouldBe("T");
    }

    [Fact]
    public void Should_report_invalid_yaml_with_its_line_in_the_document()
    {
        // Given
        var text = "---\nprompt: x\nlevel: [senior\n---\n## API\nGET /x\n";

        // When
        var document = DesignDocumentParser.Parse(text);

        // Then
        var diagnostic = document.Diagnostics.ShouldHaveSingleItem();
        diagnostic.Code.ShouldBe("DOC002");
        diagnostic.Severity.ShouldBe(Severity.Error);
        diagnostic.Span.Line.ShouldBeInRange(3, 4);
        document.FrontMatter.ShouldBeNull();
        document.Api.ShouldHaveSingleItem();
    }

    [Fact]
    public void Should_report_a_tab_indented_front_matter_as_invalid_yaml()
    {
        // Given
        var text = "---\nconventions:\n\tdays_per_month: 30\n---\n";

        // When
        var document = DesignDocumentParser.Parse(text);

        // Then
        document.Diagnostics.ShouldContain(d => d.Code == "DOC002" && d.Span.Line >= 2 && d.Span.Line <= 3);
    }

    [Fact]
    public void Should_warn_about_unknown_keys_with_a_suggestion()
    {
        // Given
        var text = "---\nprompt: x\nlevle: senior\n---\n";

        // When
        var document = DesignDocumentParser.Parse(text);

        // Then
        var diagnostic = document.Diagnostics.ShouldHaveSingleItem();
        diagnostic.Code.ShouldBe("DOC003");
        diagnostic.Span.ShouldBe(new SourceSpan(3, 1, 6));
        diagnostic.Hint!.ShouldContain("'level'");
    }

    [Fact]
    public void Should_warn_about_an_unknown_level_with_a_hint()
    {
        // Given
        var text = "---\nlevel: principal\n---\n";

        // When
        var document = DesignDocumentParser.Parse(text);

        // Then
        var diagnostic = document.Diagnostics.ShouldHaveSingleItem();
        diagnostic.Code.ShouldBe("DOC004");
        diagnostic.Span.ShouldBe(new SourceSpan(2, 8, 17));
        diagnostic.Hint!.ShouldContain("mid, senior, staff");
        document.FrontMatter!.LevelText.ShouldBe("principal");
        document.FrontMatter.Level.ShouldBeNull();
    }

    [Fact]
    public void Should_report_front_matter_that_is_never_closed_and_read_the_rest()
    {
        // Given
        var text = "---\nprompt: x\n## API\nGET /x\n";

        // When
        var document = DesignDocumentParser.Parse(text);

        // Then
        document.Diagnostics.ShouldHaveSingleItem().Code.ShouldBe("DOC001");
        document.FrontMatter.ShouldBeNull();
        document.Api.ShouldHaveSingleItem().Path.ShouldBe("/x");
    }

    [Fact]
    public void Should_refuse_yaml_aliases_so_no_bomb_can_expand()
    {
        // Given
        var text = "---\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n---\n";

        // When
        var document = DesignDocumentParser.Parse(text);

        // Then
        var diagnostic = document.Diagnostics.ShouldHaveSingleItem();
        diagnostic.Code.ShouldBe("DOC006");
        diagnostic.Span.Line.ShouldBe(3);
    }

    [Fact]
    public void Should_warn_when_conventions_is_not_a_mapping()
    {
        // Given
        var text = "---\nconventions: [a, b]\n---\n";

        // When
        var document = DesignDocumentParser.Parse(text);

        // Then
        document.Diagnostics.ShouldHaveSingleItem().Code.ShouldBe("DOC005");
        document.FrontMatter!.Conventions.ShouldBeEmpty();
    }

    [Fact]
    public void Should_accept_empty_front_matter()
    {
        // Given
        var text = "---\n---\n# Title\n";

        // When
        var document = DesignDocumentParser.Parse(text);

        // Then
        document.Diagnostics.ShouldBeEmpty();
        document.FrontMatter.ShouldNotBeNull();
        document.Title.ShouldBe("Title");
    }
}
