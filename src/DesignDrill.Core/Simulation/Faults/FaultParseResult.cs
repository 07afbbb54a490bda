using DesignDrill.Core.Diagnostics;

namespace DesignDrill.Core.Simulation.Faults;

/// <summary>The result of reading one fault: the fault, or the diagnostics that say why it could not be read.</summary>
/// <param name="Fault">The fault, or <see langword="null"/> when there is any error.</param>
/// <param name="Diagnostics">Every problem found, in the order of the text (SIM001…SIM014); empty on success.</param>
public sealed record FaultParseResult(FaultSpec? Fault, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>True when the fault was read without errors.</summary>
    public bool Succeeded => Fault is not null;
}
