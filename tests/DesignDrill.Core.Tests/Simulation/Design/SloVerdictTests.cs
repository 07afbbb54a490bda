using DesignDrill.Core.Review;
using DesignDrill.Core.Simulation.Design;
using DesignDrill.Core.Simulation.Faults;
using DesignDrill.Core.Tests.Review;

namespace DesignDrill.Core.Tests.Simulation.Design;

/// <summary>The run is judged against the design's own stated objectives, with the error budget burned.</summary>
public sealed class SloVerdictTests
{
    [Fact]
    public void Should_judge_the_run_against_the_stated_targets_and_burn_the_error_budget()
    {
        // Given: the URL-shortener sample (redirect p99 < 50 ms and 99.95%; shorten p99 < 200 ms and 99.9%), its key
        // service down for 5 s of a 30 s run at a tenth of the load
        var report = DesignReviewer.Review(RepoFiles.Read("samples/url-shortener.md"));
        var options = new DesignSimulationOptions
        {
            DurationSeconds = 30,
            LoadFactor = 0.1,
            Seed = 1,
            Faults = [FaultParser.Parse("kill-replicas keys count 2 at 10s for 5s").Fault!],
        };

        // When
        var run = DesignSimulator.Run(report, options);

        // Then
        run.Slos.Select(s => (s.Flow, s.Objective)).ShouldBe(
        [
            ("redirect", "p99 < 50 ms"), ("shorten", "p99 < 200 ms"), ("redirect", "availability 99.95%"), ("shorten", "availability 99.9%"),
        ]);
        var shorten = run.Slos.Single(s => s.Flow == "shorten" && s.ErrorBudgetBurned is not null);
        shorten.Met.ShouldBeFalse();
        shorten.Actual.ShouldBe(1 - (5.0 / 27), 0.04); // 5 of the 27 measured seconds down, about 940 requests
        shorten.ErrorBudgetBurned!.Value.ShouldBe((1 - shorten.Actual) / 0.001, 1e-6); // failures ÷ the 0.1% allowed
        run.Slos.Single(s => s.Flow == "redirect" && s.ErrorBudgetBurned is not null).ErrorBudgetBurned.ShouldBe(0);
        SimulationReportWriter.Json(run).ShouldContain("\"objective\": \"availability 99.9%\"");
    }
}
