using DesignDrill.Core.Catalog;
using DesignDrill.Core.Diagnostics;

namespace DesignDrill.Core.Architecture;

/// <summary>
/// A component declaration, <c>name: kind-or-technology [technology] [xN], setting, setting, ...</c>, such as
/// <c>api: service x6, 2K rps each, 20 ms</c>. Quantities are raw text; the binder evaluates them later.
/// </summary>
/// <param name="Name">The component name (letters, digits, '_' and inner '-').</param>
/// <param name="NameSpan">Where the name is.</param>
/// <param name="KindText">The first word after the colon, as written (<c>service</c>, <c>redis</c>, <c>lb</c>).</param>
/// <param name="Kind">The kind resolved through the catalog, or <see langword="null"/> when the word is unknown (a DOC030 warning says so).</param>
/// <param name="Technology">The technology: the catalog id when the first word is a technology (<c>postgresql</c> gives <c>postgres</c>), else the second word as written (<c>cache redis</c>, <c>service go</c>), else <see langword="null"/>.</param>
/// <param name="Replicas">The replica count from <c>xN</c>, <c>x N</c> or <c>×N</c> when N is a whole number, else <see langword="null"/>.</param>
/// <param name="Settings">The settings after the kind, in order.</param>
/// <param name="Span">The whole declaration, from the name to the end of the settings (comments excluded).</param>
/// <param name="KindSpan">Where <paramref name="KindText"/> is.</param>
/// <param name="ReplicasText">The replica factor as written when it is not a whole number (an estimate name such as <c>x api_nodes</c>), else the digits; <see langword="null"/> without <c>xN</c>.</param>
/// <param name="ReplicasSpan">Where the replica factor is.</param>
public sealed record ComponentDecl(
    string Name,
    SourceSpan NameSpan,
    string KindText,
    ComponentKind? Kind,
    string? Technology,
    int? Replicas,
    IReadOnlyList<ComponentSetting> Settings,
    SourceSpan Span,
    SourceSpan KindSpan = default,
    string? ReplicasText = null,
    SourceSpan ReplicasSpan = default)
{
    /// <summary>The settings with the given normalised key (such as <c>ttl</c>), in order.</summary>
    /// <param name="key">A key from the settings table in docs/design-format.md.</param>
    /// <returns>The matching settings, possibly none.</returns>
    public IEnumerable<ComponentSetting> GetSettings(string key) => Settings.Where(s => s.Key == key);

    /// <summary>The last setting with the given key, or <see langword="null"/>.</summary>
    /// <param name="key">A normalised key.</param>
    /// <returns>The setting, if any.</returns>
    public ComponentSetting? GetSetting(string key) => Settings.LastOrDefault(s => s.Key == key);
}

/// <summary>How a setting was written.</summary>
public enum SettingForm
{
    /// <summary><c>key value</c>, <c>value key</c> (<c>12 partitions</c>) or <c>key=value</c> with a known key.</summary>
    KeyValue,

    /// <summary>A bare quantity such as <c>2K rps</c> or <c>64 GB</c>; the binder classifies it by dimension.</summary>
    Quantity,

    /// <summary>A bare word such as <c>dlq</c>, <c>token_bucket</c> or <c>round_robin</c> (key set when the word is a known flag or value).</summary>
    Word,
}

/// <summary>
/// One setting of a component or flow. <see cref="Key"/> is normalised: <c>replicas</c>, <c>primaries</c>,
/// <c>capacity</c>, <c>latency</c>, <c>memory</c>, <c>storage</c>, <c>ttl</c>, <c>hit_ratio</c>, <c>eviction</c>,
/// <c>partitions</c>, <c>shards</c>, <c>partition_key</c>, <c>consumers</c>, <c>dlq</c>, <c>strategy</c>,
/// <c>algorithm</c>, <c>limit</c>, <c>regions</c>, <c>zones</c>, <c>size</c>, <c>response_size</c>; or
/// <see langword="null"/> for a bare quantity or an unrecognised word.
/// </summary>
/// <param name="Key">Normalised key, or <see langword="null"/>.</param>
/// <param name="ValueText">The value as written, trimmed, without the key and without a trailing <c>each</c>.</param>
/// <param name="Span">The whole setting.</param>
/// <param name="Form">How it was written.</param>
/// <param name="ValueSpan">Where <paramref name="ValueText"/> is.</param>
/// <param name="PerReplica">True when the setting ended in <c>each</c>, <c>per replica</c>, <c>per node</c> or <c>per instance</c>.</param>
public sealed record ComponentSetting(
    string? Key,
    string ValueText,
    SourceSpan Span,
    SettingForm Form = SettingForm.KeyValue,
    SourceSpan ValueSpan = default,
    bool PerReplica = false);
