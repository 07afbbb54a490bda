using BenchmarkDotNet.Attributes;
using DesignDrill.Core.Simulation;
using DesignDrill.Core.Simulation.Models;

namespace DesignDrill.Benchmarks;

/// <summary>
/// Speed of the simulation engine (issue 5): an M/M/4 queue at utilisation 0.9 (λ = 3.6/s, μ = 1/s), 10M customers,
/// through <see cref="MmcStation"/> (event queue, batch-means statistics with percentile histograms, limits) and
/// through a minimal hand-written event loop for the same queue with the same random source, which is the practical
/// limit. Times and allocations are per customer (<c>OperationsPerInvoke</c>), so requests per second
/// of wall time are 10^9 / mean ns.
/// </summary>
[MemoryDiagnoser]
public class SimulationEngineBenchmarks
{
    private const int Customers = 10_000_000;
    private const int Servers = 4;
    private const double ArrivalRatePerSecond = 3.6;
    private const double ServiceRatePerSecond = 1.0;
    private const int Seed = 1;

    private static readonly MmcStationOptions Options =
        new(Servers, ArrivalRatePerSecond, ServiceRatePerSecond, Customers, WarmUpCustomers: Customers / 10);

    /// <summary>
    /// The minimal loop: the next arrival in a local, the departures in a hand-written binary heap of c times, waiting
    /// customers' arrival times in a ring buffer, and only the sum of the waits kept. No limits, no batches, no percentiles.
    /// </summary>
    /// <returns>The mean wait in seconds (so the work cannot be optimised away).</returns>
    [Benchmark(Baseline = true, OperationsPerInvoke = Customers)]
    public double MinimalLoop()
    {
        var random = new SimRandom(Seed);
        var meanInterarrivalNs = SimTime.NanosecondsPerSecond / ArrivalRatePerSecond;
        var meanServiceNs = SimTime.NanosecondsPerSecond / ServiceRatePerSecond;
        var departures = new long[Servers];
        var busy = 0;
        var line = new long[1 << 16];
        var mask = line.Length - 1;
        int head = 0, waiting = 0;
        long arrivals = 0, started = 0;
        double waitSumNs = 0;
        var nextArrival = SimTime.RoundSaturating(random.ExponentialWithMean(meanInterarrivalNs));

        while (started < Customers)
        {
            if (busy > 0 && departures[0] <= nextArrival)
            {
                var now = departures[0];
                if (waiting > 0)
                {
                    // The head of the line takes the freed worker: replace the heap's root and sift it down.
                    waitSumNs += now - line[head];
                    head = (head + 1) & mask;
                    waiting--;
                    started++;
                    SiftDown(departures, busy, now + SimTime.RoundSaturating(random.ExponentialWithMean(meanServiceNs)));
                }
                else
                {
                    busy--;
                    SiftDown(departures, busy, departures[busy]);
                }
            }
            else
            {
                var now = nextArrival;
                arrivals++;
                nextArrival = arrivals < Customers ? now + SimTime.RoundSaturating(random.ExponentialWithMean(meanInterarrivalNs)) : long.MaxValue;
                if (busy < Servers)
                {
                    started++;
                    SiftUp(departures, busy++, now + SimTime.RoundSaturating(random.ExponentialWithMean(meanServiceNs)));
                }
                else
                {
                    line[(head + waiting) & mask] = now;
                    waiting++;
                }
            }
        }

        return waitSumNs / Customers / SimTime.NanosecondsPerSecond;
    }

    /// <summary>The same queue through <see cref="MmcStation.Run"/>, with its statistics, percentiles and limits.</summary>
    /// <returns>The mean wait in seconds.</returns>
    [Benchmark(OperationsPerInvoke = Customers)]
    public double Station() => MmcStation.Run(Options, Seed).MeanWaitSeconds.Value;

    private static void SiftUp(long[] heap, int index, long value)
    {
        while (index > 0)
        {
            var parent = (index - 1) >> 1;
            if (heap[parent] <= value)
            {
                break;
            }

            heap[index] = heap[parent];
            index = parent;
        }

        heap[index] = value;
    }

    private static void SiftDown(long[] heap, int count, long value)
    {
        var index = 0;
        while (true)
        {
            var child = (2 * index) + 1;
            if (child >= count)
            {
                break;
            }

            if (child + 1 < count && heap[child + 1] < heap[child])
            {
                child++;
            }

            if (heap[child] >= value)
            {
                break;
            }

            heap[index] = heap[child];
            index = child;
        }

        heap[index] = value;
    }
}
