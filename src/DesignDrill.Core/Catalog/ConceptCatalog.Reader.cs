using System.Globalization;
using DesignDrill.Core.Diagnostics;
using DesignDrill.Core.Review;
using DesignDrill.Core.Review.Reporting;
using DesignDrill.Core.Text;

namespace DesignDrill.Core.Catalog;

public sealed partial class ConceptCatalog
{
    /// <summary>Reads a concepts file into cards and their term index, collecting diagnostics; never throws for bad content.</summary>
    private sealed class ConceptReader()
        : CatalogYamlReader(ConceptCatalogDiagnosticCodes.UnknownKey, ConceptCatalogDiagnosticCodes.Duplicate, ConceptCatalogDiagnosticCodes.MissingField, ConceptCatalogDiagnosticCodes.WrongShape)
    {
        private static readonly string[] RootKeys = ["cards"];
        private static readonly string[] CardKeys = ["id", "title", "category", "front", "back", "terms", "dimensions", "related", "source"];

        private static readonly Dictionary<string, ConceptCategory> Categories =
            Enum.GetValues<ConceptCategory>().ToDictionary(CategoryName, c => c, StringComparer.Ordinal);

        private static readonly Dictionary<string, RubricDimension> DimensionsByName =
            Enum.GetValues<RubricDimension>().ToDictionary(JsonReportWriter.DimensionName, d => d, StringComparer.Ordinal);

        public (List<ConceptCard> Cards, ConceptTermIndex Terms) Read(string yaml)
        {
            var terms = new ConceptTermIndex();
            if (Root(yaml, ConceptCatalogDiagnosticCodes.YamlSyntax, "concepts file", "Start the file with 'cards:' followed by one '- id: ...' entry a card.") is not { } root
                || Fields(root, "concepts file", RootKeys) is not { } rootFields
                || Entries(root, rootFields, "cards", "concepts file", required: true) is not { } entries)
            {
                return ([], terms);
            }

            // Pass 1: every card's own fields. Ids of cards left out for other errors still count for 'related'.
            var drafts = new List<Draft>();
            var knownIds = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var entry in entries)
            {
                if (ReadDraft(entry, knownIds) is { } draft)
                {
                    drafts.Add(draft);
                }
            }

            // Pass 2: links and terms, now that every id is known.
            var valid = drafts.Select(d => d.Card.Id).ToHashSet(StringComparer.Ordinal);
            var cards = new List<ConceptCard>();
            var termOwners = new Dictionary<string, (string CardId, int Line)>(StringComparer.Ordinal);
            foreach (var draft in drafts)
            {
                var related = ReadRelated(draft, knownIds, valid);
                var card = draft.Card with { Related = related };
                var kept = new List<string>();
                foreach (var node in draft.Terms)
                {
                    var term = node.Value.Trim();
                    if (ConceptTermIndex.Key(term) is not { } key)
                    {
                        Add(Severity.Error, ConceptCatalogDiagnosticCodes.InvalidValue, Span(node), $"The term '{term}' has no word to match.", "Write the name as a candidate would, in letters or digits, such as 'token bucket'.");
                        continue;
                    }

                    if (!ConceptTermIndex.CanMatchItself(term))
                    {
                        Add(Severity.Error, ConceptCatalogDiagnosticCodes.InvalidValue, Span(node), $"The term '{term}' can never match: only spaces, hyphens, underscores and slashes may stand between its words.", "Write the words apart, such as 'b tree' for 'B+tree', or drop the punctuation.");
                        continue;
                    }

                    if (termOwners.TryGetValue(key, out var owner))
                    {
                        var where = owner.CardId == card.Id ? "this card" : $"card '{owner.CardId}' (line {owner.Line.ToString(CultureInfo.InvariantCulture)})";
                        Add(Severity.Warning, ConceptCatalogDiagnosticCodes.DuplicateTerm, Span(node), $"The term '{term}' already belongs to {where}; it is ignored here.", "A term must name one concept: remove it here, or make it more specific.");
                        continue;
                    }

                    termOwners[key] = (card.Id, node.Line);
                    kept.Add(term);
                }

                card = card with { Terms = kept };
                foreach (var term in kept)
                {
                    terms.Add(card, term);
                }

                cards.Add(card);
            }

            var inFileOrder = Diagnostics.OrderBy(d => d.Span.Line).ThenBy(d => d.Span.Column).ToList();
            Diagnostics.Clear();
            Diagnostics.AddRange(inFileOrder);
            return (cards, terms);
        }

        private int ErrorCount() => Diagnostics.Count(d => d.Severity == Severity.Error);

        private Draft? ReadDraft(YamlNode entry, Dictionary<string, int> knownIds)
        {
            var errorsBefore = ErrorCount();
            if (Fields(entry, "card", CardKeys) is not { } fields)
            {
                return null;
            }

            var repeatedKeys = ErrorCount() > errorsBefore;
            var id = ReadId(entry, fields, knownIds);
            var title = RequiredText(entry, fields, "title", "card");
            var category = ReadCategory(entry, fields);
            var front = ReadFront(entry, fields);
            var back = RequiredText(entry, fields, "back", "card");
            var termNodes = TextList(entry, fields, "terms", "card", required: true);
            var dimensions = ReadDimensions(entry, fields);
            var relatedNodes = TextList(entry, fields, "related", "card", required: false);
            var source = fields.TryGetValue("source", out var sourceNode) ? Text(sourceNode, "source") : null;
            if (id is null || title is null || category is null || front is null || back is null || termNodes is null || dimensions is null || relatedNodes is null
                || (sourceNode is not null && source is null) || repeatedKeys)
            {
                return null;
            }

            var card = new ConceptCard(id.Value.Trim(), title.Value.Trim(), category.Value, front, back.Value.Trim(), [], dimensions, [], source?.Value.Trim(), Span(id));
            return new Draft(card, termNodes, relatedNodes);
        }

        private YamlNode? ReadId(YamlNode entry, Dictionary<string, YamlNode> fields, Dictionary<string, int> knownIds)
        {
            var id = RequiredText(entry, fields, "id", "card");
            if (id is null)
            {
                return null;
            }

            var value = id.Value.Trim();
            if (!IsCardId(value))
            {
                Add(Severity.Error, ConceptCatalogDiagnosticCodes.InvalidId, Span(id), $"'{id.Value}' is not a valid card id.", "Use lower-case letters, digits and single hyphens, starting with a letter, such as 'token-bucket'.");
                return null;
            }

            if (knownIds.TryGetValue(value, out var firstLine))
            {
                Add(Severity.Error, ConceptCatalogDiagnosticCodes.Duplicate, Span(id), $"Card id '{value}' is already used at line {firstLine.ToString(CultureInfo.InvariantCulture)}.", "Every card needs its own id; rename one, or merge the two cards.");
                return null;
            }

            knownIds[value] = id.Line;
            return id;
        }

        private ConceptCategory? ReadCategory(YamlNode entry, Dictionary<string, YamlNode> fields)
        {
            var node = RequiredText(entry, fields, "category", "card");
            if (node is null)
            {
                return null;
            }

            if (Categories.TryGetValue(node.Value.Trim(), out var category))
            {
                return category;
            }

            var closest = EditDistance.Closest(node.Value.Trim(), Categories.Keys);
            Add(Severity.Error, ConceptCatalogDiagnosticCodes.UnknownCategory, Span(node), $"'{node.Value}' is not a concept category.", (closest is null ? "" : $"Did you mean '{closest}'? ") + "Categories: " + string.Join(", ", Categories.Keys) + ".");
            return null;
        }

        private string? ReadFront(YamlNode entry, Dictionary<string, YamlNode> fields)
        {
            var node = RequiredText(entry, fields, "front", "card");
            if (node is null)
            {
                return null;
            }

            var front = node.Value.Trim();
            if (front.Contains('\n', StringComparison.Ordinal))
            {
                Add(Severity.Error, ConceptCatalogDiagnosticCodes.InvalidValue, Span(node), "The front of a card must be one line.", "Ask one short question; the detail belongs on the back.");
                return null;
            }

            return front;
        }

        private List<RubricDimension>? ReadDimensions(YamlNode entry, Dictionary<string, YamlNode> fields)
        {
            var nodes = TextList(entry, fields, "dimensions", "card", required: true);
            if (nodes is null)
            {
                return null;
            }

            var dimensions = new List<RubricDimension>();
            foreach (var node in nodes)
            {
                var name = node.Value.Trim();
                if (!DimensionsByName.TryGetValue(name, out var dimension))
                {
                    var closest = EditDistance.Closest(name, DimensionsByName.Keys);
                    Add(Severity.Error, ConceptCatalogDiagnosticCodes.UnknownDimension, Span(node), $"'{name}' is not a rubric dimension; it is left out.", (closest is null ? "" : $"Did you mean '{closest}'? ") + "Dimensions: " + string.Join(", ", DimensionsByName.Keys) + ".");
                }
                else if (dimensions.Contains(dimension))
                {
                    Add(Severity.Error, ConceptCatalogDiagnosticCodes.Duplicate, Span(node), $"Dimension '{name}' is listed twice.", "List each dimension once.");
                }
                else
                {
                    dimensions.Add(dimension);
                }
            }

            return dimensions;
        }

        private List<string> ReadRelated(Draft draft, Dictionary<string, int> knownIds, HashSet<string> valid)
        {
            var related = new List<string>();
            foreach (var node in draft.Related)
            {
                var id = node.Value.Trim();
                if (id == draft.Card.Id)
                {
                    Add(Severity.Error, ConceptCatalogDiagnosticCodes.UnknownRelated, Span(node), $"Card '{id}' lists itself as related; the link is left out.", "List other cards only.");
                }
                else if (!knownIds.ContainsKey(id))
                {
                    var closest = EditDistance.Closest(id, knownIds.Keys);
                    Add(Severity.Error, ConceptCatalogDiagnosticCodes.UnknownRelated, Span(node), $"No card has the id '{id}'; the link is left out.", closest is null ? "Write the id of a card in this file." : $"Did you mean '{closest}'?");
                }
                else if (related.Contains(id))
                {
                    Add(Severity.Error, ConceptCatalogDiagnosticCodes.Duplicate, Span(node), $"Related card '{id}' is listed twice.", "List each related card once.");
                }
                else if (valid.Contains(id))
                {
                    // A card left out for its own errors is silently unlinked: its error is already reported.
                    related.Add(id);
                }
            }

            return related;
        }

        /// <summary>True for ids like <c>token-bucket</c>: lower-case letters and digits, single hyphens between words, starting with a letter, at most 64 characters.</summary>
        private static bool IsCardId(string value) =>
            value.Length is > 0 and <= 64 && char.IsAsciiLetterLower(value[0]) && !value.EndsWith('-') && !value.Contains("--", StringComparison.Ordinal)
            && value.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');

        private sealed record Draft(ConceptCard Card, List<YamlNode> Terms, List<YamlNode> Related);
    }
}
