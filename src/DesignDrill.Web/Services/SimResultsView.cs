using DesignDrill.Core.Simulation.Design;
using DesignDrill.Core.Simulation.Faults;

namespace DesignDrill.Web.Services;

/// <summary>What the simulation results partial shows: the report, the faults that were scheduled, notes and a JSON link.</summary>
/// <param name="Report">The run's report.</param>
/// <param name="Faults">The faults scheduled (shaded on the charts).</param>
/// <param name="Notes">What a scenario changed, shown above the results.</param>
/// <param name="JsonUrl">Where the JSON report can be downloaded, or null.</param>
public sealed record SimResultsView(DesignSimulationReport Report, IReadOnlyList<FaultSpec> Faults, IReadOnlyList<string> Notes, string? JsonUrl);
