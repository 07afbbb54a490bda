using System.Text;
using DesignDrill.Core.Architecture;
using DesignDrill.Core.DesignDocs;

namespace DesignDrill.Core.Tests.DesignDocs;

public sealed class RobustnessTests
{
    private const string Alphabet = "abcxyz019 _-:=≈~#/,>{}()[]`*|\t\r\n\0%.→⇒'\"&\\\uFEFF\u00e9\ud83d";

    [Fact]
    public void Should_never_throw_for_random_text()
    {
        // Given
        var random = new Random(20261121);

        for (var i = 0; i < 2000; i++)
        {
            var builder = new StringBuilder();
            var length = random.Next(0, 400);
            for (var j = 0; j < length; j++)
            {
                builder.Append(Alphabet[random.Next(Alphabet.Length)]);
            }

            // When
            var document = DesignDocumentParser.Parse(builder.ToString());

            // Then
            document.Diagnostics.ShouldNotContain(d => d.Code == DocDiagnosticCodes.InternalError);
            MermaidExporter.Export(document.Architecture).ShouldStartWith("flowchart LR\n");
        }
    }

    [Fact]
    public void Should_never_throw_for_mutated_documents()
    {
        // Given
        var random = new Random(7);
        var source = SampleDocuments.UrlShortener;

        for (var i = 0; i < 2000; i++)
        {
            var chars = source.ToCharArray().ToList();
            var edits = random.Next(1, 12);
            for (var e = 0; e < edits; e++)
            {
                var at = random.Next(chars.Count);
                switch (random.Next(4))
                {
                    case 0: chars.RemoveAt(at); break;
                    case 1: chars.Insert(at, Alphabet[random.Next(Alphabet.Length)]); break;
                    case 2: chars[at] = Alphabet[random.Next(Alphabet.Length)]; break;
                    default: chars.RemoveRange(at, Math.Min(random.Next(1, 40), chars.Count - at)); break;
                }
            }

            // When
            var document = DesignDocumentParser.Parse(new string([.. chars]));

            // Then
            document.Diagnostics.ShouldNotContain(d => d.Code == DocDiagnosticCodes.InternalError);
            document.Diagnostics.ShouldAllBe(d => d.Span.Line <= document.LineCount && d.Span.EndColumn >= d.Span.Column);
        }
    }

    [Fact]
    public void Should_read_a_one_megabyte_document_and_very_long_lines()
    {
        // Given
        var builder = new StringBuilder("## Architecture\n");
        var n = 0;
        while (builder.Length < 1_000_000)
        {
            builder.Append("c").Append(n).Append(": service x2, 20 ms\n");
            builder.Append("flow f").Append(n).Append(" at 1/s: client -> c").Append(n).Append('\n');
            n++;
        }

        builder.Append("## Estimates\n").Append('x', 100_000).Append(" = ").Append('1', 100_000).Append('\n');
        builder.Append("## Requirements\n").Append(string.Concat(Enumerable.Repeat("p99 < 5 ms ", 300))).Append('\n');

        // When
        var document = DesignDocumentParser.Parse(builder.ToString());

        // Then
        document.Architecture.Components.Count.ShouldBe(n);
        document.Architecture.Flows.Count.ShouldBe(n);
        document.Diagnostics.ShouldAllBe(d => d.Code == DocDiagnosticCodes.LineTooLong);
    }

    [Theory]
    [InlineData("")]
    [InlineData("---")]
    [InlineData("---\n")]
    [InlineData("---\n---")]
    [InlineData("\uFEFF")]
    [InlineData("\0\0\0")]
    [InlineData("#")]
    [InlineData("```")]
    [InlineData("## Architecture\nflow")]
    [InlineData("## Architecture\nflow x at")]
    [InlineData("## Architecture\nflow x:")]
    [InlineData("## Architecture\na:")]
    [InlineData("## Architecture\na: x")]
    [InlineData("---\nprompt: \"unterminated\n---\n")]
    [InlineData("---\n: : :\n---\n")]
    [InlineData("---\n- a\n- b\n---\n")]
    [InlineData("---\n!!binary x\n---\n")]
    [InlineData("---\n{a: {b: {c: {d: {e: {f: {g: {h: {i: 1}}}}}}}}}\n---\n")]
    public void Should_survive_edge_cases(string text)
    {
        // Given
        var input = text;

        // When
        var document = DesignDocumentParser.Parse(input);

        // Then
        document.Diagnostics.ShouldNotContain(d => d.Code == DocDiagnosticCodes.InternalError);
        document.LineCount.ShouldBeGreaterThanOrEqualTo(1);
    }
}
