namespace DesignDrill.Core.Architecture;

/// <summary>
/// The components and flows of a design, in document order. Names are compared case-insensitively (ordinal).
/// Nothing is resolved at parse time; use the lookups to check names.
/// </summary>
/// <param name="Components">Declared components; a duplicate name is reported (DOC031) and only the first is kept.</param>
/// <param name="Flows">Declared flows; a duplicate name is reported (DOC046) and only the first is kept.</param>
public sealed record ArchitectureModel(IReadOnlyList<ComponentDecl> Components, IReadOnlyList<FlowDecl> Flows)
{
    /// <summary>Names that may appear in flows without a declaration; they denote a component of kind client.</summary>
    public static IReadOnlySet<string> ImplicitClientNames { get; } =
        new HashSet<string>(["client", "clients", "user", "users", "browser", "browsers", "mobile", "app"], StringComparer.OrdinalIgnoreCase);

    /// <summary>No components and no flows.</summary>
    public static ArchitectureModel Empty { get; } = new([], []);

    /// <summary>The component with the given name (case-insensitive), or <see langword="null"/>.</summary>
    /// <param name="name">A component name.</param>
    /// <returns>The declaration, if any.</returns>
    public ComponentDecl? FindComponent(string name) => Components.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The flow with the given name (case-insensitive), or <see langword="null"/>.</summary>
    /// <param name="name">A flow name.</param>
    /// <returns>The declaration, if any.</returns>
    public FlowDecl? FindFlow(string name) => Flows.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>True when <paramref name="name"/> is undeclared but is one of <see cref="ImplicitClientNames"/>.</summary>
    /// <param name="name">A step name from a flow.</param>
    /// <returns>Whether the name denotes an implicit client.</returns>
    public bool IsImplicitClient(string name) => FindComponent(name) is null && ImplicitClientNames.Contains(name);

    /// <summary>Step names used in flows that are neither declared nor implicit clients, in first-use order, each once.</summary>
    /// <returns>The undefined names (for the "undefined component" rule).</returns>
    public IReadOnlyList<FlowStep> UndeclaredSteps()
    {
        var declared = new HashSet<string>(Components.Select(c => c.Name), StringComparer.OrdinalIgnoreCase);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        return Flows.SelectMany(f => f.Steps)
            .Where(s => !declared.Contains(s.Component) && !ImplicitClientNames.Contains(s.Component) && seen.Add(s.Component))
            .ToList();
    }

    /// <summary>The flows triggered by <paramref name="flowName"/> through <c>after</c>.</summary>
    /// <param name="flowName">The triggering flow's name.</param>
    /// <returns>The dependent flows, in document order.</returns>
    public IEnumerable<FlowDecl> FlowsAfter(string flowName) =>
        Flows.Where(f => f.AfterFlow is not null && string.Equals(f.AfterFlow, flowName, StringComparison.OrdinalIgnoreCase));
}
