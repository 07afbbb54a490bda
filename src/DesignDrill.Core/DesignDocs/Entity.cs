using DesignDrill.Core.Diagnostics;

namespace DesignDrill.Core.DesignDocs;

/// <summary>
/// An entity of the data model, written <c>name(field, field, ...) in store</c>, such as
/// <c>message(conversation_id PK PARTITION, message_id PK, body) in messages_db</c>.
/// </summary>
/// <param name="Name">The entity name.</param>
/// <param name="Fields">Its fields, in order.</param>
/// <param name="Store">The component that holds it, raw (not resolved), or <see langword="null"/>.</param>
/// <param name="Span">The whole declaration.</param>
/// <param name="StoreSpan">Where the store name is; <see cref="SourceSpan.None"/> without one.</param>
/// <param name="NameSpan">Where the name is.</param>
public sealed record Entity(string Name, IReadOnlyList<EntityField> Fields, string? Store, SourceSpan Span, SourceSpan StoreSpan, SourceSpan NameSpan)
{
    /// <summary>Fields marked as (part of) the primary key.</summary>
    public IEnumerable<EntityField> PrimaryKey => Fields.Where(f => f.IsPrimaryKey);

    /// <summary>Fields marked as the partition key.</summary>
    public IEnumerable<EntityField> PartitionKey => Fields.Where(f => f.IsPartitionKey);
}

/// <summary>
/// A field of an entity: <c>name</c>, <c>name: type</c> or <c>name type</c>, followed by marks: <c>PK</c>,
/// <c>PARTITION</c> / <c>partition key</c> / <c>PK(partition)</c>, <c>SORT</c> / <c>clustering</c>, <c>FK</c>,
/// <c>unique</c>, <c>index</c>.
/// </summary>
/// <param name="Name">The field name.</param>
/// <param name="Type">The type as written, or <see langword="null"/>.</param>
/// <param name="IsPrimaryKey">True for <c>PK</c> (also implied by <c>PK(partition)</c>).</param>
/// <param name="IsPartitionKey">True for a partition-key mark.</param>
/// <param name="Span">Where the field is.</param>
/// <param name="IsSortKey">True for <c>SORT</c>, <c>sort key</c>, <c>clustering</c> or <c>PK(sort)</c>.</param>
/// <param name="Marks">Other marks as written, upper case (<c>FK</c>, <c>UNIQUE</c>, <c>INDEX</c>).</param>
public sealed record EntityField(string Name, string? Type, bool IsPrimaryKey, bool IsPartitionKey, SourceSpan Span, bool IsSortKey = false, IReadOnlyList<string>? Marks = null);
