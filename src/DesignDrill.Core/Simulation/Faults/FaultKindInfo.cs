namespace DesignDrill.Core.Simulation.Faults;

/// <summary>A fault kind as the scenario grammar knows it: its name, target, parameters and an example.</summary>
/// <param name="Kind">The kind.</param>
/// <param name="Name">The kebab-case name written first in a fault (<c>slow-node</c>).</param>
/// <param name="Target">What the word after the name must be.</param>
/// <param name="Parameters">The parameters, in canonical order; the first is the main one when <paramref name="Primary"/> says so.</param>
/// <param name="Primary">
/// The parameter that may be written without its key word (<c>edge-latency api-&gt;db 50ms</c> for
/// <c>added 50ms</c>), or <see langword="null"/>.
/// </param>
/// <param name="Summary">The intended effect in one line, for help texts and docs.</param>
/// <param name="Example">A complete fault of this kind, which parses without diagnostics.</param>
/// <param name="DefaultTarget">
/// What the fault applies to when no target is written ("every cache"), or <see langword="null"/> when the target is
/// required (or the kind takes none).
/// </param>
public sealed record FaultKindInfo(
    FaultKind Kind,
    string Name,
    FaultTargetKind Target,
    IReadOnlyList<FaultParameterInfo> Parameters,
    string? Primary,
    string Summary,
    string Example,
    string? DefaultTarget = null)
{
    /// <summary>The parameter with key word <paramref name="name"/> (case-insensitive), or <see langword="null"/>.</summary>
    /// <param name="name">The key word.</param>
    /// <returns>The parameter, or null.</returns>
    public FaultParameterInfo? Find(string name)
    {
        foreach (var parameter in Parameters)
        {
            if (string.Equals(parameter.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return parameter;
            }
        }

        return null;
    }
}
