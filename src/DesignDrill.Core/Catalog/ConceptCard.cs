using DesignDrill.Core.Diagnostics;
using DesignDrill.Core.Review;

namespace DesignDrill.Core.Catalog;

/// <summary>
/// One concept card of <c>catalog/concepts.yaml</c>: a question and its answer about one idea a system design
/// interview tests, with the words that show the idea in a candidate's text. Schema: docs/concept-cards.md.
/// </summary>
/// <param name="Id">Lower-case hyphenated id, unique in the catalog, such as <c>token-bucket</c>.</param>
/// <param name="Title">Display name, such as <c>Token bucket</c>.</param>
/// <param name="Category">The family the card belongs to.</param>
/// <param name="Front">The question side, one line.</param>
/// <param name="Back">The answer side: two to five sentences, with the field's numbers where it has them.</param>
/// <param name="Terms">
/// The names and aliases by which the concept shows up in a candidate's text, as written in the file (such as
/// <c>token bucket</c>); matched by <see cref="ConceptCatalog.Mentioned(string)"/>. Never empty in a loaded catalog
/// unless every term was already claimed by an earlier card (a <c>CON009</c> warning).
/// </param>
/// <param name="Dimensions">The rubric dimensions the concept mostly serves, in file order, without repeats.</param>
/// <param name="Related">Ids of other cards in the same catalog, in file order; every id resolves with <see cref="ConceptCatalog.Get(string)"/>.</param>
/// <param name="Source">Where the card's facts and numbers come from (a paper, a book, vendor documentation), or <see langword="null"/>.</param>
/// <param name="Span">Where the card's id is written in its file.</param>
public sealed record ConceptCard(
    string Id,
    string Title,
    ConceptCategory Category,
    string Front,
    string Back,
    IReadOnlyList<string> Terms,
    IReadOnlyList<RubricDimension> Dimensions,
    IReadOnlyList<string> Related,
    string? Source,
    SourceSpan Span);

/// <summary>One place where a free text names a concept card by one of its terms.</summary>
/// <param name="Card">The card named.</param>
/// <param name="Term">The card's term that matched, as written in the catalog (such as <c>circuit breaker</c>).</param>
/// <param name="Start">Index of the first matched character in the text (0-based, UTF-16 code units).</param>
/// <param name="Length">Number of characters matched, from the term's first word to its last (such as 16 for <c>circuit breakers</c>).</param>
public sealed record ConceptMention(ConceptCard Card, string Term, int Start, int Length);
