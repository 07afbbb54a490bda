using DesignDrill.Core.Diagnostics;

namespace DesignDrill.Core.DesignDocs;

/// <summary>
/// An API endpoint line such as <c>POST /v1/urls {long_url, custom_alias?} -> {short_url}</c> or
/// <c>GET /{code} -> 302 Location</c>.
/// </summary>
/// <param name="Method">Upper-case HTTP method: GET, POST, PUT, PATCH, DELETE or HEAD.</param>
/// <param name="Path">The path as written, without query string (<c>/v1/urls/{code}</c>).</param>
/// <param name="PathSpan">Where the path (with its query string) is.</param>
/// <param name="PathParameters">Names of <c>{name}</c> and <c>:name</c> path segments, in order.</param>
/// <param name="QueryParameters">Names after <c>?</c> (<c>cursor</c> in <c>?cursor=&amp;limit=20</c>), in order.</param>
/// <param name="RequestFields">Fields of the request body <c>{...}</c>; empty when none is written.</param>
/// <param name="ResponseFields">Fields of the first <c>{...}</c> in the response; empty when none.</param>
/// <param name="ResponseText">Everything after the arrow, trimmed (<c>302 Location</c>), or <see langword="null"/>.</param>
/// <param name="Span">The whole endpoint, from the method to the end of the line (comments excluded).</param>
public sealed record ApiEndpoint(
    string Method,
    string Path,
    SourceSpan PathSpan,
    IReadOnlyList<string> PathParameters,
    IReadOnlyList<string> QueryParameters,
    IReadOnlyList<ApiField> RequestFields,
    IReadOnlyList<ApiField> ResponseFields,
    string? ResponseText,
    SourceSpan Span);

/// <summary>A field of a request or response body: <c>name</c>, <c>name?</c> (optional) or <c>name: type</c>.</summary>
/// <param name="Name">The field name.</param>
/// <param name="IsOptional">True when written with a trailing <c>?</c>.</param>
/// <param name="Type">The type after a colon, raw, or <see langword="null"/>.</param>
/// <param name="Span">Where the field is.</param>
public sealed record ApiField(string Name, bool IsOptional, string? Type, SourceSpan Span);
