namespace DesignDrill.Core.Simulation.Workloads;

/// <summary>
/// Turns a <see cref="LoadShape"/> into arrival times, one at a time, either as a Poisson process or evenly spaced
/// (<see cref="ArrivalPattern"/>).
/// </summary>
/// <remarks>
/// <para>
/// <b>Poisson</b> arrivals with a time-varying rate are drawn by thinning (P. A. W. Lewis and G. S. Shedler,
/// "Simulation of nonhomogeneous Poisson processes by thinning", Naval Research Logistics Quarterly 26(3), 1979,
/// 403–413): candidates come from a homogeneous process at a bound λ* ≥ λ(t), and a candidate at t is kept with
/// probability λ(t)/λ*. The bound is piecewise constant (<see cref="LoadShape.RateBound"/>); when a candidate falls past
/// the end of a piece the process restarts at that end with the next piece's bound, which is exact because the
/// exponential gap is memoryless (L. Devroye, <i>Non-Uniform Random Variate Generation</i>, 1986, §VI.1.3). Pieces with
/// a zero bound are skipped in one step, so a rate of 0 costs nothing and a rate that stays 0 for ever gives
/// <see cref="NoArrival"/>. The process has no memory, so the next arrival after any time can be drawn from that time; arrival times are
/// rounded down to whole nanoseconds, and the fraction dropped is carried into the next gap when the caller continues
/// from the previous arrival, so the rounding adds no bias even at a gap of one nanosecond.
/// </para>
/// <para>
/// <b>Deterministic</b> arrivals are spaced 1/λ(t) apart at the rate found at the previous arrival (or, when the rate
/// there is 0, at the mean rate of the current piece of the bound); a gap that crosses a piece boundary is finished at
/// the rate of the next piece. Gaps keep their sub-nanosecond remainder when the caller passes the previous arrival
/// as <c>nowNs</c>, so a constant rate does not drift: at 3 requests per second every whole second after the first
/// holds exactly 3 arrivals, over any number of days.
/// </para>
/// <para>
/// Times are whole nanoseconds (<see cref="SimTime"/>). Rates are bounded by <see cref="LoadShape.MaxRatePerSecond"/>
/// when the shape is built, so the work per arrival is bounded: no allocation, a few random draws and rate
/// evaluations. Not thread-safe: one process per flow and run.
/// </para>
/// </remarks>
public sealed class ArrivalProcess
{
    /// <summary>The value <see cref="NextArrivalNs"/> returns when no arrival ever comes: <see cref="SimTime.MaxNs"/>.</summary>
    public const long NoArrival = SimTime.MaxNs;

    private long _lastArrivalNs = -1;
    private double _carryNs;

    /// <summary>Creates an arrival process.</summary>
    /// <param name="shape">The rate over time.</param>
    /// <param name="pattern">Poisson (the default) or deterministic spacing.</param>
    /// <exception cref="ArgumentNullException"><paramref name="shape"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pattern"/> is not a defined value.</exception>
    public ArrivalProcess(LoadShape shape, ArrivalPattern pattern = ArrivalPattern.Poisson)
    {
        ArgumentNullException.ThrowIfNull(shape);
        if (!Enum.IsDefined(pattern))
        {
            throw new ArgumentOutOfRangeException(nameof(pattern), pattern, "Unknown arrival pattern.");
        }

        Shape = shape;
        Pattern = pattern;
    }

    /// <summary>The rate over time.</summary>
    public LoadShape Shape { get; }

    /// <summary>How arrivals are spaced.</summary>
    public ArrivalPattern Pattern { get; }

    /// <summary>The time of the next arrival after <paramref name="nowNs"/>.</summary>
    /// <param name="nowNs">
    /// The current simulated time in nanoseconds; at least 0. Pass the previous arrival's time to get the next one (for
    /// deterministic spacing this keeps the sub-nanosecond remainder of the gap).
    /// </param>
    /// <param name="random">The run's random source (Poisson draws from it; deterministic spacing does not).</param>
    /// <returns>
    /// The arrival time in nanoseconds, at or after <paramref name="nowNs"/>; <see cref="NoArrival"/> when the rate is 0
    /// from <paramref name="nowNs"/> on.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="random"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="nowNs"/> is negative.</exception>
    /// <exception cref="InvalidOperationException">The shape's <see cref="LoadShape.RateBound"/> broke its contract (a bug in a custom shape).</exception>
    public long NextArrivalNs(long nowNs, SimRandom random)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfNegative(nowNs);
        return Pattern == ArrivalPattern.Poisson ? NextPoisson(nowNs, random) : NextDeterministic(nowNs);
    }

    private long NextPoisson(long nowNs, SimRandom random)
    {
        // The position is t + frac, with t whole nanoseconds and frac ≥ 0 the part not yet folded in; the first piece
        // starts from the fraction left by the previous arrival when the caller continues from it.
        var t = nowNs;
        var carry = nowNs == _lastArrivalNs ? _carryNs : 0.0;
        while (true)
        {
            var bound = Bound(t, out var untilNs);
            if (bound <= 0)
            {
                if (untilNs == SimTime.MaxNs)
                {
                    return NoArrival;
                }

                t = untilNs;
                carry = 0;
                continue;
            }

            var meanGapNs = SimTime.NanosecondsPerSecond / bound;
            var frac = carry;
            carry = 0;
            while (true)
            {
                frac += random.ExponentialWithMean(meanGapNs);
                if (frac >= untilNs - t)
                {
                    if (untilNs == SimTime.MaxNs)
                    {
                        return NoArrival;
                    }

                    // Past this piece: restart at its end under the next bound (memoryless).
                    t = untilNs;
                    break;
                }

                var whole = (long)frac;
                t += whole;
                frac -= whole;
                if (random.NextDouble() * bound < Shape.RatePerSecond(t))
                {
                    _lastArrivalNs = t;
                    _carryNs = frac;
                    return t;
                }
            }
        }
    }

    private long NextDeterministic(long nowNs)
    {
        // Integrate-and-fire: accumulate λ(t) dt until one arrival's worth; position t + frac, frac ≥ −0.5.
        var frac = nowNs == _lastArrivalNs ? _carryNs : 0.0;
        var remaining = 1.0;
        var t = nowNs;
        while (true)
        {
            var bound = Bound(t, out var untilNs);
            var rate = bound <= 0 ? 0 : Shape.RatePerSecond(t);
            if (rate <= 0 && bound > 0)
            {
                rate = untilNs == SimTime.MaxNs ? 0 : Shape.AverageRatePerSecond(t, untilNs);
            }

            if (rate <= 0)
            {
                if (untilNs == SimTime.MaxNs)
                {
                    return NoArrival;
                }

                t = untilNs;
                frac = 0;
                continue;
            }

            var positionNs = frac + (remaining * SimTime.NanosecondsPerSecond / rate);
            if (positionNs < untilNs - t)
            {
                var whole = (long)Math.Round(positionNs, MidpointRounding.ToEven);
                var arrivalNs = Math.Max(nowNs, t + whole);
                _lastArrivalNs = arrivalNs;
                _carryNs = positionNs - (arrivalNs - t);
                return arrivalNs;
            }

            if (untilNs == SimTime.MaxNs)
            {
                return NoArrival;
            }

            remaining -= (untilNs - t - frac) * rate / SimTime.NanosecondsPerSecond;
            t = untilNs;
            frac = 0;
        }
    }

    private double Bound(long timeNs, out long untilNs)
    {
        var bound = Shape.RateBound(timeNs, out untilNs);
        if (untilNs <= timeNs || !(bound >= 0))
        {
            throw new InvalidOperationException(
                $"{Shape.GetType().Name}.RateBound({timeNs}) returned the bound {bound} until {untilNs}; it must be " +
                "non-negative and hold over a non-empty interval.");
        }

        return bound;
    }
}
