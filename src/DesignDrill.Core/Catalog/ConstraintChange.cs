using DesignDrill.Core.Diagnostics;

namespace DesignDrill.Core.Catalog;

/// <summary>
/// A "what if" the interviewer can put after the review ("traffic is 10x", "you lose a region"), to be re-run on the
/// candidate's own design by the analysis or the simulator.
/// </summary>
/// <param name="Name">Short id of the change, such as <c>ten-x-traffic</c>; unique within a prompt.</param>
/// <param name="Description">What the interviewer says when putting the change.</param>
/// <param name="Change">The machine-readable change: a workload change or a fault.</param>
/// <param name="Span">Where the name is written in the prompt file.</param>
public sealed record ConstraintChange(string Name, string Description, ConstraintChangeAction Change, SourceSpan Span);

/// <summary>The machine-readable part of a <see cref="ConstraintChange"/>; the vocabulary is listed in docs/prompt-format.md.</summary>
public abstract record ConstraintChangeAction;

/// <summary>Every flow's rate multiplied by <paramref name="Factor"/> (<c>change: { scale_flows: 10 }</c>).</summary>
/// <param name="Factor">Multiplier, greater than 0 and at most <see cref="PromptCatalog.MaxScaleFactor"/>.</param>
public sealed record ScaleFlows(double Factor) : ConstraintChangeAction;

/// <summary>One flow's rate multiplied (<c>change: { scale_flow: { name: redirect, factor: 10 } }</c>).</summary>
/// <param name="Flow">The flow's name as the design is expected to write it (matched against the candidate's flows when run).</param>
/// <param name="Factor">Multiplier, greater than 0 and at most <see cref="PromptCatalog.MaxScaleFactor"/>.</param>
public sealed record ScaleFlow(string Flow, double Factor) : ConstraintChangeAction;

/// <summary>Every replica of one component fails (<c>change: { fault: kill_component, component: cache }</c>).</summary>
/// <param name="Component">The component's name or kind (matched against the candidate's components when run).</param>
public sealed record KillComponent(string Component) : ConstraintChangeAction;

/// <summary>One whole region is lost (<c>change: { fault: lose_region }</c>).</summary>
public sealed record LoseRegion : ConstraintChangeAction;

/// <summary>A cache loses its contents and starts cold (<c>change: { fault: cache_flush, component: cache }</c>).</summary>
/// <param name="Component">The cache's name or kind (matched against the candidate's components when run).</param>
public sealed record CacheFlush(string Component) : ConstraintChangeAction;
