using DesignDrill.Core.DesignDocs;
using DesignDrill.Core.Review;

namespace DesignDrill.Core.Tests.Review;

public sealed class RubricScorerTests
{
    [Fact]
    public void Should_score_a_complete_design_strong_yes_on_every_dimension()
    {
        // Given
        var report = DesignReviewer.Review(ReviewRuleTests.Complete, new ReviewOptions { Level = DesignLevel.Staff });

        // When
        var card = report.Scorecard;

        // Then
        card.Scores.Count.ShouldBe(8);
        card.Scores.ShouldAllBe(s => s.Score == 4);
        card.Recommendation.ShouldBe("strong yes");
    }

    [Fact]
    public void Should_score_a_dimension_one_when_its_section_is_missing()
    {
        var text = ReviewRuleTests.Complete.Replace("## Trade-offs\nRedis over PostgreSQL for increment throughput.\n", "", StringComparison.Ordinal);

        var card = DesignReviewer.Review(text, new ReviewOptions { Level = DesignLevel.Mid }).Scorecard;

        var tradeOffs = card.Scores.Single(s => s.Dimension == RubricDimension.TradeOffs);
        tradeOffs.Score.ShouldBe(1);
        tradeOffs.Reason.ShouldBe("no 'Trade-offs' section");
        card.Recommendation.ShouldBe("lean no");
    }

    [Fact]
    public void Should_reproduce_the_worked_example_of_the_rubric_page()
    {
        // Given the example in docs/rubric.md
        var report = DesignReviewer.Review(RepoFiles.Read("samples/flawed/estimate-errors.md"));

        // When
        var card = report.Scorecard;

        // Then
        var scalability = card.Scores.Single(s => s.Dimension == RubricDimension.Scalability);
        (scalability.Errors, scalability.Warnings, scalability.Notes).ShouldBe((5, 3, 1));
        scalability.Penalty.ShouldBe(18.25);
        scalability.Score.ShouldBe(1);
        var discovery = card.Scores.Single(s => s.Dimension == RubricDimension.RequirementDiscovery);
        discovery.Penalty.ShouldBe(0.25);
        discovery.Score.ShouldBe(4);
        card.Recommendation.ShouldBe("lean no");
    }

    [Theory]
    [InlineData(DesignLevel.Mid)]
    [InlineData(DesignLevel.Senior)]
    [InlineData(DesignLevel.Staff)]
    public void Should_never_score_a_higher_level_above_a_lower_one(DesignLevel level)
    {
        foreach (var sample in Directory.GetFiles(RepoFiles.Path("samples/flawed"), "*.md"))
        {
            var text = File.ReadAllText(sample);
            var lower = DesignReviewer.Review(text, new ReviewOptions { Level = DesignLevel.Mid }).Scorecard;
            var scored = DesignReviewer.Review(text, new ReviewOptions { Level = level }).Scorecard;
            scored.Average.ShouldBeLessThanOrEqualTo(lower.Average, Path.GetFileName(sample));
        }
    }
}
