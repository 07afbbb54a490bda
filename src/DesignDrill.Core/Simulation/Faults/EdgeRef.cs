namespace DesignDrill.Core.Simulation.Faults;

/// <summary>A directed edge of the design: calls from component <see cref="From"/> to component <see cref="To"/>.</summary>
/// <param name="From">The calling component's name.</param>
/// <param name="To">The called component's name.</param>
public readonly record struct EdgeRef(string From, string To)
{
    /// <summary>The edge as written in scenarios: <c>from-&gt;to</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{From}->{To}";
}
