using DesignDrill.Core.Simulation.Statistics;

namespace DesignDrill.Core.Simulation.Models;

/// <summary>
/// A discrete-event simulation of one M/M/c station: Poisson arrivals, c identical workers with exponential service
/// times, and a first-come-first-served queue, unbounded or bounded (arrivals that find it full are rejected, M/M/c/K).
/// It validates the engine against the closed forms (<see cref="Analysis.Queueing.MmcQueue"/>) and is the benchmark of
/// its speed.
/// </summary>
/// <remarks>
/// <para>
/// Two kinds of event go through an <see cref="EventQueue{TPayload}"/>: an arrival (which schedules the next one, so
/// only one is ever pending) and a departure (which frees a worker for the head of the queue). A customer's wait and
/// response time are known when it enters service — the wait is now minus its arrival time, the response adds its
/// sampled service time — and are recorded then. Waiting customers are their arrival times in a ring buffer that
/// doubles when full. After the first run of a given size nothing is allocated per customer.
/// </para>
/// <para>
/// The run starts empty and idle, ignores the first <see cref="MmcStationOptions.WarmUpCustomers"/> arrivals in every
/// statistic, and ends when the last of the <see cref="MmcStationOptions.Customers"/> arrivals has entered service (or
/// been rejected), or when a <see cref="SimulationLimits">limit</see> stops it. Samples are rounded to whole
/// nanoseconds, a relative error below 10^-9 for service times of a microsecond or more.
/// </para>
/// </remarks>
public static class MmcStation
{
    private enum StationEvent : byte
    {
        Arrival,
        Departure,
    }

    /// <summary>Runs the simulation.</summary>
    /// <param name="options">What to simulate.</param>
    /// <param name="seed">The random seed; equal seeds give equal results.</param>
    /// <param name="limits">Bounds on the run; <see cref="SimulationLimits.Default"/> when <c>null</c>.</param>
    /// <param name="cancellation">Stops the run (status <see cref="SimulationStatus.Cancelled"/>) when cancelled.</param>
    /// <param name="clock">The wall clock for <see cref="SimulationLimits.WallClockBudget"/>; the system's when <c>null</c>.</param>
    /// <returns>The measurements and how the run ended.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option or limit is out of range.</exception>
    public static MmcStationResult Run(
        MmcStationOptions options,
        int seed,
        SimulationLimits? limits = null,
        CancellationToken cancellation = default,
        TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        limits ??= SimulationLimits.Default;
        var budget = new SimulationBudget(limits, cancellation, clock);
        var random = new SimRandom(seed);
        var waits = new BatchMeans(options.BatchCount, trackPercentiles: true);
        var responses = new BatchMeans(options.BatchCount, trackPercentiles: true);

        var servers = options.Servers;
        var customers = options.Customers;
        var warmUp = options.WarmUpCustomers;
        var capacity = Math.Min(options.QueueCapacity ?? int.MaxValue, limits.MaxQueuedItems);
        var rejectWhenFull = options.QueueCapacity is { } bound && bound <= limits.MaxQueuedItems;
        var meanInterarrivalNs = SimTime.NanosecondsPerSecond / options.ArrivalRatePerSecond;
        var meanServiceNs = SimTime.NanosecondsPerSecond / options.ServiceRatePerSecond;
        const double SecondsPerNanosecond = 1.0 / SimTime.NanosecondsPerSecond;

        var events = new EventQueue<StationEvent>(servers < 1_000 ? servers + 2 : 1_024);
        var line = new long[16];
        var lineHead = 0;
        var lineCount = 0;

        long arrivals = 0;
        long admitted = 0;
        long started = 0;
        long rejected = 0;
        var firstMeasuredAdmission = long.MaxValue;
        var busy = 0;
        long processed = 0;
        long now = 0;
        long areaFromNs = 0;
        long lastNs = 0;
        double busyArea = 0;
        double waitingArea = 0;
        var status = SimulationStatus.Completed;

        events.Enqueue(SimTime.RoundSaturating(random.ExponentialWithMean(meanInterarrivalNs)), StationEvent.Arrival);
        while (events.TryDequeue(out var next))
        {
            if (budget.ShouldStop(processed, next.TimeNs, out status))
            {
                break;
            }

            processed++;
            now = next.TimeNs;
            var elapsed = (double)(now - lastNs);
            busyArea += busy * elapsed;
            waitingArea += lineCount * elapsed;
            lastNs = now;

            // The wait of the customer who starts service at this event, or −1 when nobody does.
            long waitNs = -1;

            if (next.Payload == StationEvent.Arrival)
            {
                if (arrivals == warmUp)
                {
                    // The first measured arrival: the time averages start here, and so do the per-customer statistics.
                    firstMeasuredAdmission = admitted;
                    areaFromNs = now;
                    busyArea = 0;
                    waitingArea = 0;
                }

                arrivals++;
                if (arrivals < customers)
                {
                    var gapNs = SimTime.RoundSaturating(random.ExponentialWithMean(meanInterarrivalNs));
                    events.Enqueue(SimTime.AddSaturating(now, gapNs), StationEvent.Arrival);
                }

                if (busy < servers)
                {
                    busy++;
                    admitted++;
                    waitNs = 0;
                }
                else if (lineCount < capacity)
                {
                    if (lineCount == line.Length)
                    {
                        line = Grow(line, lineHead, lineCount);
                        lineHead = 0;
                    }

                    line[(lineHead + lineCount) & (line.Length - 1)] = now;
                    lineCount++;
                    admitted++;
                }
                else if (rejectWhenFull)
                {
                    if (arrivals > warmUp)
                    {
                        rejected++;
                    }
                }
                else
                {
                    status = SimulationStatus.StoppedAtMemoryLimit;
                    break;
                }
            }
            else if (lineCount > 0)
            {
                waitNs = now - line[lineHead];
                lineHead = (lineHead + 1) & (line.Length - 1);
                lineCount--;
            }
            else
            {
                busy--;
            }

            if (waitNs >= 0)
            {
                // The next customer in arrival order (FIFO) starts service on a worker already counted as busy; its
                // wait and response time are known now.
                var serviceNs = SimTime.RoundSaturating(random.ExponentialWithMean(meanServiceNs));
                events.Enqueue(SimTime.AddSaturating(now, serviceNs), StationEvent.Departure);
                if (started++ >= firstMeasuredAdmission)
                {
                    var waitSeconds = waitNs * SecondsPerNanosecond;
                    waits.Add(waitSeconds);
                    responses.Add(waitSeconds + (serviceNs * SecondsPerNanosecond));
                }
            }

            if (arrivals == customers && lineCount == 0)
            {
                break;
            }
        }

        var measuredNs = now - areaFromNs;
        var outcome = SimulationOutcome.Create(status, limits, processed, now);
        return new MmcStationResult(
            options, seed, outcome, arrivals, rejected, waits.Count,
            MeanWaitSeconds: waits.Mean(),
            WaitProbability: waits.FractionPositive(),
            MeanResponseSeconds: responses.Mean(),
            WaitP50Seconds: waits.Percentile(0.50),
            WaitP90Seconds: waits.Percentile(0.90),
            WaitP99Seconds: waits.Percentile(0.99),
            ResponseP50Seconds: responses.Percentile(0.50),
            ResponseP90Seconds: responses.Percentile(0.90),
            ResponseP99Seconds: responses.Percentile(0.99),
            Utilization: measuredNs > 0 ? busyArea / measuredNs / servers : double.NaN,
            MeanQueueLength: measuredNs > 0 ? waitingArea / measuredNs : double.NaN,
            MeasuredSeconds: SimTime.ToSeconds(measuredNs));

    }

    private static long[] Grow(long[] line, int head, int count)
    {
        var grown = new long[checked(line.Length * 2)];
        for (var i = 0; i < count; i++)
        {
            grown[i] = line[(head + i) & (line.Length - 1)];
        }

        return grown;
    }
}
