using DesignDrill.Core.Diagnostics;

namespace DesignDrill.Core.Tests;

public sealed class SourceSpanTests
{
    [Fact]
    public void Should_shift_both_ends_of_a_span()
    {
        // Given
        var span = new SourceSpan(3, 2, 5);

        // When
        var shifted = span.Shift(10);

        // Then
        shifted.ShouldBe(new SourceSpan(3, 12, 15));
        shifted.Length.ShouldBe(3);
    }
}
