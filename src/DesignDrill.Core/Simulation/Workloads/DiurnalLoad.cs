namespace DesignDrill.Core.Simulation.Workloads;

/// <summary>
/// A daily cycle: a sinusoid around a mean rate, λ(t) = mean × (1 + a · cos(2π (t − peak) / period)), with the
/// amplitude a = (r − 1) / (r + 1) chosen so that the peak-to-trough ratio λ_max / λ_min is r. Its mean over any whole
/// period is exactly the mean rate.
/// </summary>
/// <remarks>
/// <para>
/// Rule of thumb: user-facing traffic swings 2–3x between the quietest hour of the night and the busiest hour of the
/// day (peak-to-trough), which is why <see cref="DefaultPeakToTroughRatio"/> is 2.5. Note the difference with the
/// interview shortcut "peak = 2–3x the average": with a sinusoid, peak / mean = 2r / (r + 1), so r = 2.5 gives a peak
/// about 1.43x the mean, and no sinusoid reaches 2x the mean (that needs a trough of zero). To model "peak = 3x
/// average", run a <see cref="ConstantLoad"/> at the peak, or put a <see cref="SpikeLoad"/> on top.
/// </para>
/// <para>
/// By default the peak is at t = 0 (<see cref="PeakAtNs"/>), so a short run sees the busiest part of the day; set it
/// to half a period to start a run at the trough.
/// </para>
/// </remarks>
public sealed class DiurnalLoad : LoadShape
{
    /// <summary>The default period: 24 hours = 86,400 s (a day).</summary>
    public const long DefaultPeriodNs = 86_400 * SimTime.NanosecondsPerSecond;

    /// <summary>The default peak-to-trough ratio: 2.5 (rule of thumb: daily swings of 2–3x are common).</summary>
    public const double DefaultPeakToTroughRatio = 2.5;

    /// <summary>The largest peak-to-trough ratio accepted: 1,000 (rule of thumb; beyond it the trough is practically zero).</summary>
    public const double MaxPeakToTroughRatio = 1_000;

    /// <summary>Pieces per period of the thinning bound: 48 (half an hour each for a day; rule of thumb, acceptance above 97%).</summary>
    private const int BoundPieces = 48;

    private readonly double _amplitude;
    private readonly double _radiansPerNs;

    /// <summary>Creates the shape.</summary>
    /// <param name="meanRatePerSecond">The mean rate over a period, in requests per second; at least 0, and the peak at most <see cref="LoadShape.MaxRatePerSecond"/>.</param>
    /// <param name="peakToTroughRatio">λ_max / λ_min; 1 (flat) to <see cref="MaxPeakToTroughRatio"/>.</param>
    /// <param name="periodNs">The period in nanoseconds; at least <see cref="BoundPieces"/> ns.</param>
    /// <param name="peakAtNs">A time at which the rate peaks, in nanoseconds (the phase); any value, taken modulo the period.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range.</exception>
    public DiurnalLoad(
        double meanRatePerSecond,
        double peakToTroughRatio = DefaultPeakToTroughRatio,
        long periodNs = DefaultPeriodNs,
        long peakAtNs = 0)
    {
        CheckRate(meanRatePerSecond, nameof(meanRatePerSecond));
        if (!(peakToTroughRatio >= 1 && peakToTroughRatio <= MaxPeakToTroughRatio))
        {
            throw new ArgumentOutOfRangeException(nameof(peakToTroughRatio), peakToTroughRatio,
                $"The peak-to-trough ratio must be between 1 (flat) and {MaxPeakToTroughRatio}; daily swings of 2–3x are common.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(periodNs, BoundPieces);
        MeanRatePerSecond = meanRatePerSecond;
        PeakToTroughRatio = peakToTroughRatio;
        PeriodNs = periodNs;
        PeakAtNs = ((peakAtNs % periodNs) + periodNs) % periodNs;
        _amplitude = (peakToTroughRatio - 1) / (peakToTroughRatio + 1);
        _radiansPerNs = 2 * Math.PI / periodNs;
        PeakRatePerSecond = meanRatePerSecond * (1 + _amplitude);
        CheckRate(PeakRatePerSecond, nameof(meanRatePerSecond));
    }

    /// <summary>The mean rate over a whole period, in requests per second.</summary>
    public double MeanRatePerSecond { get; }

    /// <summary>The peak-to-trough ratio λ_max / λ_min.</summary>
    public double PeakToTroughRatio { get; }

    /// <summary>The period in nanoseconds.</summary>
    public long PeriodNs { get; }

    /// <summary>The first time the rate peaks, in nanoseconds, in [0, <see cref="PeriodNs"/>).</summary>
    public long PeakAtNs { get; }

    /// <summary>The lowest rate, mean × (1 − a), in requests per second.</summary>
    public double TroughRatePerSecond => MeanRatePerSecond * (1 - _amplitude);

    /// <inheritdoc/>
    public override double PeakRatePerSecond { get; }

    /// <inheritdoc/>
    public override double RatePerSecond(long timeNs) =>
        MeanRatePerSecond * (1 + (_amplitude * Math.Cos(Phase(timeNs))));

    /// <inheritdoc/>
    public override double RateBound(long fromNs, out long untilNs)
    {
        // Pieces are aligned on the period so the bound does not depend on where the caller happens to be.
        var pieceNs = PeriodNs / BoundPieces;
        var start = fromNs - (fromNs % pieceNs);
        untilNs = SimTime.AddSaturating(start, pieceNs);

        // cos over [θ1, θ2] (less than a full turn) peaks at an end, or at 1 when the interval crosses a multiple of 2π.
        var theta1 = Phase(start);
        var theta2 = theta1 + (pieceNs * _radiansPerNs);
        var maxCos = theta2 >= 2 * Math.PI ? 1 : Math.Max(Math.Cos(theta1), Math.Cos(theta2));
        return Math.Min(MeanRatePerSecond * (1 + (_amplitude * maxCos)) * (1 + 1e-12), PeakRatePerSecond);
    }

    /// <inheritdoc/>
    protected internal override double Integrate(long fromNs, long toNs)
    {
        // ∫ mean (1 + a cos(ω(t − p))) dt = mean (T + a (sin(ω(to − p)) − sin(ω(from − p))) / ω).
        var seconds = SimTime.ToSeconds(toNs - fromNs);
        var omegaPerSecond = _radiansPerNs * SimTime.NanosecondsPerSecond;
        var wave = (Math.Sin(Phase(toNs)) - Math.Sin(Phase(fromNs))) / omegaPerSecond;
        return MeanRatePerSecond * (seconds + (_amplitude * wave));
    }

    /// <summary>ω (t − peak) reduced to [0, 2π), computed on the integer remainder so it stays exact over years.</summary>
    private double Phase(long timeNs)
    {
        var offset = (((Math.Max(timeNs, 0) - PeakAtNs) % PeriodNs) + PeriodNs) % PeriodNs;
        return offset * _radiansPerNs;
    }
}
