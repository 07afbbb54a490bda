using DesignDrill.Core.Simulation.Behaviours;
using FsCheck;
using Microsoft.FSharp.Core;

namespace DesignDrill.Core.Tests.Simulation.Behaviours;

/// <summary>Drives limiters with arrival patterns and measures what they let through.</summary>
internal static class LimiterRuns
{
    public const long NsPerMicrosecond = 1_000;
    public const long NsPerMillisecond = 1_000_000;
    public const long NsPerSecond = 1_000_000_000;

    /// <summary>FsCheck's quick configuration with a fixed seed, so every run draws the same cases.</summary>
    public static Config Seeded(ulong seed, int maxTest = 200) =>
        Config.QuickThrowOnFailure
            .WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(seed), FSharpOption<int>.None)))
            .WithMaxTest(maxTest);

    /// <summary>Offers a request every <paramref name="stepNs"/> from <paramref name="fromNs"/> to
    /// <paramref name="toNs"/> inclusive and returns how many were admitted.</summary>
    public static long CountAdmittedEvery(IRateLimiter limiter, long fromNs, long toNs, long stepNs)
    {
        long admitted = 0;
        for (var t = fromNs; ; t += stepNs)
        {
            if (limiter.TryAdmit(t))
            {
                admitted++;
            }

            if (t > toNs - stepNs)
            {
                break;
            }
        }

        return admitted;
    }

    /// <summary>Offers requests at the given non-decreasing times and returns the times admitted.</summary>
    public static List<long> AdmittedTimes(IRateLimiter limiter, IEnumerable<long> arrivalsNs) =>
        arrivalsNs.Where(limiter.TryAdmit).ToList();

    /// <summary>Turns gaps between arrivals into arrival times starting at <paramref name="startNs"/>.</summary>
    public static List<long> ArrivalsFromGaps(long startNs, IEnumerable<int> gapsNs)
    {
        var arrivals = new List<long>();
        var t = startNs;
        foreach (var gap in gapsNs)
        {
            t += gap;
            arrivals.Add(t);
        }

        return arrivals;
    }

    /// <summary>
    /// The most admissions in any half-open span [s, s + <paramref name="spanNs"/>), over all s, for sorted times.
    /// </summary>
    public static int MaxInAnySpan(IReadOnlyList<long> sortedNs, long spanNs)
    {
        var max = 0;
        var first = 0;
        for (var last = 0; last < sortedNs.Count; last++)
        {
            while (sortedNs[last] - sortedNs[first] >= spanNs)
            {
                first++;
            }

            max = Math.Max(max, last - first + 1);
        }

        return max;
    }
}
