using DesignDrill.Core.Review;

namespace DesignDrill.Core.Simulation.Design;

/// <summary>A service-level objective of the design, as the requirements state it, and what the run made of it.</summary>
/// <param name="Flow">The flow it applies to.</param>
/// <param name="Objective">"p99 &lt; 50 ms" or "availability 99.9%".</param>
/// <param name="Target">The bound in seconds (latency) or the success share (availability, 0.999).</param>
/// <param name="Actual">The run's value: the latency percentile in seconds, or completed ÷ (completed + failed).</param>
/// <param name="Met">Whether the run met it (for latency, the estimate at or under the bound).</param>
/// <param name="ErrorBudgetBurned">For availability: failed requests ÷ the failures the target allows over the run (1 = the whole budget); <see langword="null"/> for latency.</param>
public sealed record SloVerdict(string Flow, string Objective, double Target, double Actual, bool Met, double? ErrorBudgetBurned)
{
    /// <summary>The verdicts for a run of a reviewed design: one per flow and stated latency or availability target.</summary>
    /// <param name="review">The review the run was made from (its requirements name the targets).</param>
    /// <param name="run">The run.</param>
    /// <returns>The verdicts, in requirement order; empty when the design states no measurable target.</returns>
    public static IReadOnlyList<SloVerdict> For(ReviewReport review, DesignSimulationReport run)
    {
        ArgumentNullException.ThrowIfNull(review);
        ArgumentNullException.ThrowIfNull(run);
        var verdicts = new List<SloVerdict>();
        foreach (var (flowName, percentile, target) in ReviewRules.FlowTargets(review))
        {
            if (run.FindFlow(flowName) is not { } flow)
            {
                continue;
            }

            if (percentile is { } q)
            {
                var (estimate, label) = q switch
                {
                    <= 50 => (flow.LatencyP50Seconds.Value, "p50"),
                    <= 95 => (flow.LatencyP95Seconds.Value, "p95"),
                    _ => (flow.LatencyP99Seconds.Value, "p99"),
                };
                if (double.IsFinite(estimate))
                {
                    verdicts.Add(new SloVerdict(flow.Name, $"{label} < {Milliseconds(target)}", target, estimate, estimate <= target, null));
                }
            }
            else
            {
                var total = flow.Completed + flow.Failed;
                if (total == 0)
                {
                    continue;
                }

                var success = flow.Completed / (double)total;
                var allowed = (1 - target) * total;
                verdicts.Add(new SloVerdict(
                    flow.Name,
                    $"availability {(target * 100).ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)}%",
                    target,
                    success,
                    success >= target,
                    allowed > 0 ? flow.Failed / allowed : null));
            }
        }

        return verdicts;
    }

    private static string Milliseconds(double seconds) =>
        seconds >= 1 ? seconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture) + " s"
        : (seconds * 1000).ToString("0.###", System.Globalization.CultureInfo.InvariantCulture) + " ms";
}
