using System.Text;
using DesignDrill.Core.Simulation.Faults;
using DesignDrill.Core.Simulation.Workloads;

namespace DesignDrill.Core.Tests.Simulation.Faults;

public sealed class FaultParserFuzzTests
{
    private static readonly string[] Words =
    [
        .. FaultCatalog.Names, "at", "for", "factor", "count", "index", "fraction", "share", "lag", "added", "failover",
        "batch", "per-batch", "ramp", "workers", "api", "db", "cache", "->", ",", "api->db", "5", "0", "-1", "1.5",
        "3x", "5%", "30s", "1m30s", "10 s", "ms", "0.0001ns", "1e9", "NaN", "∞", "→", "é", "\t", "\0", "%", "x",
        "99999999999999999999999999999", "400y", "a,,b", "_", "--", ".", "µs",
    ];

    [Fact]
    public void Should_never_throw_on_random_text()
    {
        // Given: a seeded mix of grammar words, random characters and random lengths.
        var random = new Random(20_240_605);
        var accepted = 0;
        for (var n = 0; n < 20_000; n++)
        {
            var text = RandomText(random);

            // When
            var result = FaultParser.Parse(text, 3, 5);
            var durationOk = DurationText.TryParse(text, out _, out var durationDiagnostic);
            var loadOk = LoadMultiplier.TryParse(text, out _, out var loadDiagnostic);

            // Then: a fault or diagnostics (never both, never neither), spans on the line and inside the text.
            (result.Fault is null).ShouldBe(result.Diagnostics.Count > 0, text);
            foreach (var diagnostic in result.Diagnostics)
            {
                diagnostic.Span.Line.ShouldBe(3, text);
                diagnostic.Span.Column.ShouldBeInRange(5, 5 + text.Length + 1, text);
                diagnostic.Span.EndColumn.ShouldBeInRange(diagnostic.Span.Column, 5 + Math.Max(1, text.Length), text);
            }

            if (result.Fault is { } fault)
            {
                accepted++;
                FaultParser.Parse(fault.ToText()).Fault.ShouldNotBeNull(text).ToText().ShouldBe(fault.ToText(), text);
            }

            (durationOk == (durationDiagnostic is null)).ShouldBeTrue(text);
            (loadOk == (loadDiagnostic is null)).ShouldBeTrue(text);
        }

        // Some random texts are valid faults, so the accepting path is exercised too.
        accepted.ShouldBeGreaterThan(0);
    }

    private static string RandomText(Random random)
    {
        var builder = new StringBuilder();
        var parts = random.Next(0, 10);
        if (random.Next(3) > 0)
        {
            builder.Append(FaultCatalog.Names[random.Next(FaultCatalog.Names.Count)]);
        }

        for (var i = 0; i < parts; i++)
        {
            builder.Append(random.Next(6) == 0 ? "" : " ");
            builder.Append(random.Next(4) switch
            {
                0 => ((char)random.Next(0, 0x3000)).ToString(),
                1 => random.Next(10_000).ToString(System.Globalization.CultureInfo.InvariantCulture) + Words[random.Next(Words.Length)],
                _ => Words[random.Next(Words.Length)],
            });
        }

        if (random.Next(3) == 0)
        {
            builder.Append(" at ").Append(random.Next(100)).Append('s');
        }

        return builder.ToString();
    }
}
