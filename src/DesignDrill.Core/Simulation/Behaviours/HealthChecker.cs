namespace DesignDrill.Core.Simulation.Behaviours;

/// <summary>
/// Decides, at any simulated time, which nodes behind a load balancer are routable, from the times nodes actually fail
/// and recover: active health checks notice a failure only after a detection delay, and passive outlier detection
/// ejects a node after consecutive server errors. Deterministic and lazy: it holds no timers and reads no clock; each
/// call brings one node's probes up to the time passed in.
/// </summary>
/// <remarks>
/// <para>
/// <b>Active checks (the model).</b> Node i is probed at φᵢ, φᵢ + I, φᵢ + 2I, … where I is the interval and the phase
/// φᵢ is drawn uniformly in [0, I) from the run's random source at construction, so the nodes' probes are not aligned
/// with each other or with faults (real balancers spread their probes the same way). A probe sent at t sees the node as
/// it was just before t: a node that fails at f fails the probes sent after f, and one sent exactly at f still
/// succeeds. A successful probe is answered at once (its latency is far below the interval); a failed probe is known
/// only when its timeout T expires (a dead or hung node does not answer). After U consecutive failures the node is
/// marked down when the U-th failure's timeout expires; after H consecutive successes a down node is marked up at the
/// H-th success. Any success resets the failure count and any failure resets the success count. Nodes start up and
/// marked up.
/// </para>
/// <para>
/// <b>Detection delay.</b> For a node that fails at f and stays down, the first failed probe is sent at the first probe
/// time after f, a ∈ (f, f + I]; it is marked down at a + (U − 1) I + T, so the delay lies in
/// ((U − 1) I + T, U I + T]: from (U − 1) I + T + 1 ns when it fails just before a probe, to U I + T when it fails at
/// the instant of one. Likewise a recovery at r is noticed at the first probe after r plus (H − 1) I, a delay in
/// ((H − 1) I, H I]. With the AWS ALB defaults (I = 30 s, T = 5 s, U = 2, H = 5): 35–65 s to stop sending to a dead
/// node, 120–150 s to send to it again. With a uniform phase the failure delay is uniform over that range (mean
/// (U − ½) I + T = 50 s).
/// </para>
/// <para>
/// <b>Passive checks.</b> The engine reports each response with <see cref="RecordResponse"/>. As Envoy's consecutive-5xx
/// outlier detection does, K server errors in a row eject the node at once, for the base ejection time × the number of
/// ejections in a row (capped at the maximum); an ejected node is routable again when its ejection time has passed.
/// Simplifications: the run of ejections resets at the first success (Envoy decrements it once per sweep interval
/// instead), and re-admission happens exactly when the time is up (Envoy re-admits at its next sweep, at most 10 s
/// later by default). Ejection is refused while max(1, ⌊N × percent / 100⌋) nodes are already ejected.
/// </para>
/// <para>
/// A node is routable when it is marked up by the active checks (always, when they are off) and not ejected. Calls must
/// come in non-decreasing simulated time; the active checks of one node cost O(U + H) per call at most, however long
/// since the last call (a run of identical probes is skipped in O(1)). No allocation after construction.
/// </para>
/// </remarks>
public sealed class HealthChecker
{
    private readonly ActiveHealthCheckOptions? _active;
    private readonly OutlierDetectionOptions? _passive;
    private readonly long[] _phaseNs;
    private readonly bool[] _actuallyUp;
    private readonly long[] _nextProbeNs;
    private readonly int[] _failures;
    private readonly int[] _successes;
    private readonly bool[] _markedUp;
    private readonly long[] _markChangedAtNs;
    private readonly int[] _consecutive5xx;
    private readonly int[] _ejectionsInARow;
    private readonly long[] _ejectedUntilNs;
    private readonly int _maxEjected;
    private long _lastNs;

    /// <summary>Creates a checker for <paramref name="nodeCount"/> nodes, all up and routable.</summary>
    /// <param name="nodeCount">The number of nodes N; from 1 to <see cref="LoadBalancerBase.MaxNodeCount"/>.</param>
    /// <param name="active">The active checks, or <see langword="null"/> for none (a dead node stays routable unless
    /// passive checks eject it); <see cref="ActiveHealthCheckOptions.AwsAlbDefaults"/> for the usual setting.</param>
    /// <param name="passive">The passive checks, or <see langword="null"/> for none;
    /// <see cref="OutlierDetectionOptions.EnvoyDefaults"/> for the usual setting.</param>
    /// <param name="random">The run's random source; N uniforms are drawn for the probe phases (none when
    /// <paramref name="active"/> is <see langword="null"/>).</param>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="nodeCount"/> or a field of the options is out of range.
    /// </exception>
    /// <exception cref="ArgumentNullException"><paramref name="random"/> is <see langword="null"/>.</exception>
    public HealthChecker(int nodeCount, ActiveHealthCheckOptions? active, OutlierDetectionOptions? passive,
        SimRandom random)
    {
        ArgumentNullException.ThrowIfNull(random);
        if (nodeCount is < 1 or > LoadBalancerBase.MaxNodeCount)
        {
            throw new ArgumentOutOfRangeException(nameof(nodeCount), nodeCount,
                $"A health checker needs between 1 and {LoadBalancerBase.MaxNodeCount:N0} nodes.");
        }

        active?.Validate();
        passive?.Validate();
        _active = active;
        _passive = passive;
        _phaseNs = new long[nodeCount];
        _actuallyUp = new bool[nodeCount];
        _nextProbeNs = new long[nodeCount];
        _failures = new int[nodeCount];
        _successes = new int[nodeCount];
        _markedUp = new bool[nodeCount];
        _markChangedAtNs = new long[nodeCount];
        _consecutive5xx = new int[nodeCount];
        _ejectionsInARow = new int[nodeCount];
        _ejectedUntilNs = new long[nodeCount];
        for (var i = 0; i < nodeCount; i++)
        {
            _actuallyUp[i] = true;
            _markedUp[i] = true;
            if (active is not null)
            {
                _phaseNs[i] = Math.Min((long)(random.NextDouble() * active.IntervalNs), active.IntervalNs - 1);
                _nextProbeNs[i] = _phaseNs[i];
                _successes[i] = active.HealthyThreshold;
            }
        }

        if (passive is not null)
        {
            _maxEjected = Math.Max(1, (int)((long)nodeCount * passive.MaxEjectionPercent / 100));
        }
    }

    /// <summary>The number of nodes N.</summary>
    public int NodeCount => _phaseNs.Length;

    /// <summary>The active-check settings, or <see langword="null"/> when active checks are off.</summary>
    public ActiveHealthCheckOptions? Active => _active;

    /// <summary>The passive-check settings, or <see langword="null"/> when passive checks are off.</summary>
    public OutlierDetectionOptions? Passive => _passive;

    /// <summary>The time of node <paramref name="node"/>'s first probe, φ, in [0, interval); 0 when active checks are off.</summary>
    /// <param name="node">The node index, in [0, <see cref="NodeCount"/>).</param>
    /// <returns>The phase in nanoseconds.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="node"/> is out of range.</exception>
    public long PhaseNs(int node)
    {
        CheckNode(node);
        return _phaseNs[node];
    }

    /// <summary>Records that <paramref name="node"/> actually fails (crashes, hangs, is cut off) at <paramref name="atNs"/>.</summary>
    /// <param name="node">The node index, in [0, <see cref="NodeCount"/>).</param>
    /// <param name="atNs">The simulated time in nanoseconds; at least the time of the previous call.</param>
    /// <remarks>Failing a node that is already down changes nothing.</remarks>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="node"/> is out of range, or <paramref name="atNs"/> is negative or earlier than the previous call.
    /// </exception>
    public void NodeFailed(int node, long atNs) => SetActuallyUp(node, atNs, up: false);

    /// <summary>Records that <paramref name="node"/> actually recovers (answers again) at <paramref name="atNs"/>.</summary>
    /// <param name="node">The node index, in [0, <see cref="NodeCount"/>).</param>
    /// <param name="atNs">The simulated time in nanoseconds; at least the time of the previous call.</param>
    /// <remarks>Recovering a node that is up changes nothing.</remarks>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="node"/> is out of range, or <paramref name="atNs"/> is negative or earlier than the previous call.
    /// </exception>
    public void NodeRecovered(int node, long atNs) => SetActuallyUp(node, atNs, up: true);

    /// <summary>
    /// Whether the balancer may send requests to <paramref name="node"/> at <paramref name="nowNs"/>: marked up by the
    /// active checks (or they are off) and not ejected by the passive checks.
    /// </summary>
    /// <param name="node">The node index, in [0, <see cref="NodeCount"/>).</param>
    /// <param name="nowNs">The simulated time in nanoseconds; at least the time of the previous call.</param>
    /// <returns><see langword="true"/> when the node is routable.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="node"/> is out of range, or <paramref name="nowNs"/> is negative or earlier than the previous call.
    /// </exception>
    public bool IsRoutable(int node, long nowNs)
    {
        CheckNode(node);
        Advance(nowNs);
        return IsMarkedUp(node, nowNs) && nowNs >= _ejectedUntilNs[node];
    }

    /// <summary>Copies every node's routable flag at <paramref name="nowNs"/> into <paramref name="balancer"/>. O(N).</summary>
    /// <param name="balancer">A balancer over the same number of nodes.</param>
    /// <param name="nowNs">The simulated time in nanoseconds; at least the time of the previous call.</param>
    /// <exception cref="ArgumentNullException"><paramref name="balancer"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The balancer has a different number of nodes.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="nowNs"/> is negative or earlier than the previous call.</exception>
    public void ApplyTo(ILoadBalancer balancer, long nowNs)
    {
        ArgumentNullException.ThrowIfNull(balancer);
        if (balancer.NodeCount != NodeCount)
        {
            throw new ArgumentException(
                $"The balancer has {balancer.NodeCount} nodes but the health checker watches {NodeCount}.",
                nameof(balancer));
        }

        for (var node = 0; node < NodeCount; node++)
        {
            balancer.SetRoutable(node, IsRoutable(node, nowNs));
        }
    }

    /// <summary>
    /// Records the outcome of a request answered by <paramref name="node"/> at <paramref name="nowNs"/> for the passive
    /// checks: a server error (5xx, connection refused or reset) counts towards ejection, anything else resets the count.
    /// Does nothing when passive checks are off.
    /// </summary>
    /// <param name="node">The node index, in [0, <see cref="NodeCount"/>).</param>
    /// <param name="serverError"><see langword="true"/> for a server error.</param>
    /// <param name="nowNs">The simulated time in nanoseconds; at least the time of the previous call.</param>
    /// <returns><see langword="true"/> when this response ejected the node.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="node"/> is out of range, or <paramref name="nowNs"/> is negative or earlier than the previous call.
    /// </exception>
    public bool RecordResponse(int node, bool serverError, long nowNs)
    {
        CheckNode(node);
        Advance(nowNs);
        if (_passive is null)
        {
            return false;
        }

        var ejected = nowNs < _ejectedUntilNs[node];
        if (!serverError)
        {
            _consecutive5xx[node] = 0;
            if (!ejected)
            {
                _ejectionsInARow[node] = 0;
            }

            return false;
        }

        if (_consecutive5xx[node] < _passive.Consecutive5xx)
        {
            _consecutive5xx[node]++;
        }

        if (ejected || _consecutive5xx[node] < _passive.Consecutive5xx || EjectedCount(nowNs) >= _maxEjected)
        {
            return false;
        }

        _consecutive5xx[node] = 0;
        if (_ejectionsInARow[node] < int.MaxValue)
        {
            _ejectionsInARow[node]++;
        }

        var lengthNs = _passive.BaseEjectionTimeNs > _passive.MaxEjectionTimeNs / _ejectionsInARow[node]
            ? _passive.MaxEjectionTimeNs
            : _passive.BaseEjectionTimeNs * _ejectionsInARow[node];
        _ejectedUntilNs[node] = SimTime.AddSaturating(nowNs, lengthNs);
        return true;
    }

    /// <summary>Whether the passive checks have ejected <paramref name="node"/> at <paramref name="nowNs"/>.</summary>
    /// <param name="node">The node index, in [0, <see cref="NodeCount"/>).</param>
    /// <param name="nowNs">The simulated time in nanoseconds; at least the time of the previous call.</param>
    /// <returns><see langword="true"/> while an ejection lasts.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="node"/> is out of range, or <paramref name="nowNs"/> is negative or earlier than the previous call.
    /// </exception>
    public bool IsEjected(int node, long nowNs)
    {
        CheckNode(node);
        Advance(nowNs);
        return nowNs < _ejectedUntilNs[node];
    }

    /// <summary>
    /// When the active checks mark <paramref name="node"/> down if it fails at <paramref name="failedAtNs"/> and stays
    /// down, for a node that is up and marked up with no failed probe counted: the first probe time after the failure
    /// plus (U − 1) × interval + timeout. A pure function of the node's phase; it does not change the state.
    /// </summary>
    /// <param name="node">The node index, in [0, <see cref="NodeCount"/>).</param>
    /// <param name="failedAtNs">The failure time in nanoseconds; at least 0.</param>
    /// <returns>The time in nanoseconds (clamped to <see cref="SimTime.MaxNs"/>).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="node"/> or <paramref name="failedAtNs"/> is out of range.</exception>
    /// <exception cref="InvalidOperationException">Active checks are off (a failure is then never detected by them).</exception>
    public long MarkedDownAtNs(int node, long failedAtNs)
    {
        var active = RequireActive(node, failedAtNs);
        return SimTime.AddSaturating(FirstProbeAfter(node, failedAtNs),
            active.MaxDetectionDelayNs - active.IntervalNs);
    }

    /// <summary>
    /// The detection delay of a failure of <paramref name="node"/> at <paramref name="failedAtNs"/>:
    /// <see cref="MarkedDownAtNs"/> − <paramref name="failedAtNs"/>, within
    /// [<see cref="ActiveHealthCheckOptions.MinDetectionDelayNs"/>, <see cref="ActiveHealthCheckOptions.MaxDetectionDelayNs"/>].
    /// </summary>
    /// <param name="node">The node index, in [0, <see cref="NodeCount"/>).</param>
    /// <param name="failedAtNs">The failure time in nanoseconds; at least 0.</param>
    /// <returns>The delay in nanoseconds.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="node"/> or <paramref name="failedAtNs"/> is out of range.</exception>
    /// <exception cref="InvalidOperationException">Active checks are off.</exception>
    public long DetectionTimeNs(int node, long failedAtNs) => MarkedDownAtNs(node, failedAtNs) - failedAtNs;

    /// <summary>
    /// When the active checks mark <paramref name="node"/> up again if it recovers at <paramref name="recoveredAtNs"/>
    /// and stays up, for a node already marked down: the first probe time after the recovery plus (H − 1) × interval.
    /// A pure function of the node's phase; it does not change the state.
    /// </summary>
    /// <param name="node">The node index, in [0, <see cref="NodeCount"/>).</param>
    /// <param name="recoveredAtNs">The recovery time in nanoseconds; at least 0.</param>
    /// <returns>The time in nanoseconds (clamped to <see cref="SimTime.MaxNs"/>).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="node"/> or <paramref name="recoveredAtNs"/> is out of range.</exception>
    /// <exception cref="InvalidOperationException">Active checks are off.</exception>
    public long MarkedUpAtNs(int node, long recoveredAtNs)
    {
        var active = RequireActive(node, recoveredAtNs);
        return SimTime.AddSaturating(FirstProbeAfter(node, recoveredAtNs),
            active.MaxRecoveryDelayNs - active.IntervalNs);
    }

    private void SetActuallyUp(int node, long atNs, bool up)
    {
        CheckNode(node);
        Advance(atNs);

        // Probes sent up to and including atNs saw the old state.
        ProbeUpTo(node, atNs);
        _actuallyUp[node] = up;
    }

    private bool IsMarkedUp(int node, long nowNs)
    {
        if (_active is null)
        {
            return true;
        }

        ProbeUpTo(node, nowNs);

        // Only the latest decision can still be pending (a failure's timeout is shorter than the interval), and the
        // mark before it was the opposite.
        return nowNs >= _markChangedAtNs[node] ? _markedUp[node] : !_markedUp[node];
    }

    /// <summary>Runs node <paramref name="node"/>'s probes sent at or before <paramref name="toNs"/>.</summary>
    private void ProbeUpTo(int node, long toNs)
    {
        if (_active is not { } active)
        {
            return;
        }

        var up = _actuallyUp[node];
        while (_nextProbeNs[node] <= toNs)
        {
            var probeNs = _nextProbeNs[node];
            if ((up && _markedUp[node] && _successes[node] >= active.HealthyThreshold)
                || (!up && !_markedUp[node] && _failures[node] >= active.UnhealthyThreshold))
            {
                // Settled: further identical probes change nothing, so jump past the last one at or before toNs.
                _nextProbeNs[node] = FirstProbeAfter(node, toNs);
                return;
            }

            if (up)
            {
                _failures[node] = 0;
                _successes[node]++;
                if (!_markedUp[node] && _successes[node] >= active.HealthyThreshold)
                {
                    _markedUp[node] = true;
                    _markChangedAtNs[node] = probeNs;
                }
            }
            else
            {
                _successes[node] = 0;
                _failures[node]++;
                if (_markedUp[node] && _failures[node] >= active.UnhealthyThreshold)
                {
                    _markedUp[node] = false;
                    _markChangedAtNs[node] = SimTime.AddSaturating(probeNs, active.TimeoutNs);
                }
            }

            _nextProbeNs[node] = SimTime.AddSaturating(probeNs, active.IntervalNs);
            if (_nextProbeNs[node] == SimTime.MaxNs)
            {
                return;
            }
        }
    }

    /// <summary>The first probe time of <paramref name="node"/> strictly after <paramref name="timeNs"/> (≥ 0).</summary>
    private long FirstProbeAfter(int node, long timeNs)
    {
        var phaseNs = _phaseNs[node];
        if (timeNs < phaseNs)
        {
            return phaseNs;
        }

        // The probe index at or before timeNs; the next one is k + 1, unless it lies beyond the range of time.
        var intervalNs = _active!.IntervalNs;
        var k = (timeNs - phaseNs) / intervalNs;
        return k >= (SimTime.MaxNs - phaseNs) / intervalNs ? SimTime.MaxNs : phaseNs + ((k + 1) * intervalNs);
    }

    private int EjectedCount(long nowNs)
    {
        var count = 0;
        foreach (var untilNs in _ejectedUntilNs)
        {
            count += nowNs < untilNs ? 1 : 0;
        }

        return count;
    }

    private ActiveHealthCheckOptions RequireActive(int node, long timeNs)
    {
        CheckNode(node);
        ArgumentOutOfRangeException.ThrowIfNegative(timeNs);
        return _active ?? throw new InvalidOperationException(
            "This health checker has no active checks, so it never marks a failed node down by probing it.");
    }

    private void Advance(long nowNs)
    {
        if (nowNs < _lastNs)
        {
            throw new ArgumentOutOfRangeException(nameof(nowNs), nowNs, nowNs < 0
                ? "Simulated time starts at 0 ns; a health checker cannot be asked about a negative time."
                : $"Simulated time must not run backwards: the previous call was at {_lastNs} ns.");
        }

        _lastNs = nowNs;
    }

    private void CheckNode(int node)
    {
        if (node < 0 || node >= _phaseNs.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(node), node,
                $"Nodes are numbered 0 to {_phaseNs.Length - 1}.");
        }
    }
}
