using System.Text.RegularExpressions;
using DesignDrill.Core.Architecture;
using DesignDrill.Core.Catalog;
using DesignDrill.Core.DesignDocs;
using DesignDrill.Core.Estimation;

namespace DesignDrill.Core.Analysis;

/// <summary>How much data a store must hold, and which estimate says so.</summary>
/// <param name="Bytes">The data to hold, in bytes.</param>
/// <param name="EstimateName">The estimate it comes from.</param>
public sealed record StorageNeed(double Bytes, string EstimateName);

/// <summary>
/// Matches storage estimates to stores: an estimate in bytes whose name mentions the store or an entity it holds
/// (<c>payment_storage_5y</c> for <c>payment(...) in payments_db</c>) sizes that store; otherwise, when only one
/// database or object store is written to, the largest storage-like estimate (<c>storage_5y</c>, <c>total_data</c>)
/// sizes it. With several stores and no name to go by, nothing is guessed.
/// </summary>
public static partial class StorageNeeds
{
    /// <summary>Matches the document's storage estimates to its stores.</summary>
    /// <param name="document">The parsed document (entities and their stores).</param>
    /// <param name="estimates">The evaluated estimates.</param>
    /// <param name="architecture">The bound architecture.</param>
    /// <returns>Needs by store name (case-insensitive); stores without a matching estimate are absent.</returns>
    public static Dictionary<string, StorageNeed> Match(DesignDocument document, EstimateSheet estimates, BoundArchitecture architecture)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(estimates);
        ArgumentNullException.ThrowIfNull(architecture);
        var needs = new Dictionary<string, StorageNeed>(StringComparer.OrdinalIgnoreCase);
        var sizes = estimates.Results
            .Where(r => r.Value is { } v && v.Dimension == Dimension.Information && !NotStored().IsMatch(r.Input.Name))
            .ToList();
        var stores = architecture.Components.Where(IsStore).ToList();
        foreach (var store in stores)
        {
            var names = document.Entities
                .Where(e => string.Equals(e.Store, store.Name, StringComparison.OrdinalIgnoreCase))
                .Select(e => e.Name)
                .Append(store.Name)
                .ToList();
            var named = sizes
                .Where(r => names.Any(n => r.Input.Name.Contains(n, StringComparison.OrdinalIgnoreCase)))
                .MaxBy(r => r.Value!.Value.Value);
            if (named is not null)
            {
                needs[store.Name] = new StorageNeed(named.Value!.Value.Value, named.Input.Name);
            }
        }

        var written = stores.Where(s => architecture.Flows.Any(f => f.Declaration.Operation == FlowOperation.Write
            && f.Declaration.Steps.Any(step => string.Equals(step.Component, s.Name, StringComparison.OrdinalIgnoreCase)))).ToList();
        if (written.Count == 1 && !needs.ContainsKey(written[0].Name)
            && sizes.Where(r => StorageLike().IsMatch(r.Input.Name)).MaxBy(r => r.Value!.Value.Value) is { } largest)
        {
            needs[written[0].Name] = new StorageNeed(largest.Value!.Value.Value, largest.Input.Name);
        }

        return needs;
    }

    private static bool IsStore(BoundComponent component) =>
        component.KindInfo is { Category: ComponentCategory.Storage } kind && kind.Kind != ComponentKind.Cache && kind.Id != "cdn";

    [GeneratedRegex("(?i)cache|memory|bandwidth|size|per_")]
    private static partial Regex NotStored();

    [GeneratedRegex(@"(?i)stor|data|disk|total|_\d+y|year")]
    private static partial Regex StorageLike();
}
