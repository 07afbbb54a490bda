namespace DesignDrill.Core.Simulation.Statistics;

/// <summary>
/// A simulated estimate with its 95% confidence interval, from batch means (<see cref="BatchMeans"/>).
/// </summary>
/// <param name="Value">The point estimate, in the unit of the observations (seconds for times; a fraction for probabilities).</param>
/// <param name="HalfWidth95">
/// The half-width of the 95% confidence interval, t(0.975, batches − 1) × <paramref name="StandardError"/>;
/// <see cref="double.PositiveInfinity"/> with fewer than 2 batches.
/// </param>
/// <param name="StandardError">
/// The estimated standard error of the estimate: the standard deviation of the batch values over √batches;
/// <see cref="double.PositiveInfinity"/> with fewer than 2 batches.
/// </param>
/// <param name="Batches">The number of full batches the interval is computed from.</param>
/// <param name="Observations">The number of observations after the warm-up.</param>
public readonly record struct BatchEstimate(double Value, double HalfWidth95, double StandardError, int Batches, long Observations)
{
    /// <summary>Whether <paramref name="reference"/> lies within <paramref name="standardErrors"/> standard errors of <see cref="Value"/>.</summary>
    /// <param name="reference">The value to compare with (an analytic result).</param>
    /// <param name="standardErrors">How many standard errors of tolerance; above 0.</param>
    /// <returns>Whether |Value − reference| ≤ standardErrors × StandardError.</returns>
    public bool IsWithin(double reference, double standardErrors) =>
        Math.Abs(Value - reference) <= standardErrors * StandardError;
}
