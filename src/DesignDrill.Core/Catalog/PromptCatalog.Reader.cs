using System.Globalization;
using DesignDrill.Core.DesignDocs;
using DesignDrill.Core.Diagnostics;
using DesignDrill.Core.Review;
using DesignDrill.Core.Text;

namespace DesignDrill.Core.Catalog;

public sealed partial class PromptCatalog
{
    /// <summary>Reads one prompt file into a <see cref="Prompt"/>, collecting diagnostics; never throws for bad content.</summary>
    private sealed class PromptReader(string file, TopicCatalog topics, Func<string, string?> readReference)
        : CatalogYamlReader(PromptCatalogDiagnosticCodes.UnknownKey, PromptCatalogDiagnosticCodes.Duplicate, PromptCatalogDiagnosticCodes.MissingField, PromptCatalogDiagnosticCodes.WrongShape)
    {
        private static readonly string[] PromptKeys =
            ["id", "title", "difficulty", "levels", "tags", "stresses", "brief", "facts", "tests", "hard_parts", "trade_offs", "follow_ups", "constraint_changes", "reference_design"];

        private static readonly string[] FactKeys = ["topic", "answer", "phrasings"];
        private static readonly string[] HardPartKeys = ["name", "concepts"];
        private static readonly string[] ChangeKeys = ["name", "description", "change"];
        private static readonly string[] ChangeVocabulary = ["scale_flows", "scale_flow", "fault", "component"];
        private static readonly string[] ScaleFlowKeys = ["name", "factor"];
        private static readonly string[] Faults = ["kill_component", "lose_region", "cache_flush"];

        public Prompt? Read(string yaml)
        {
            if (Root(yaml, PromptCatalogDiagnosticCodes.YamlSyntax, "prompt file") is not { } root || Fields(root, "prompt file", PromptKeys) is not { } fields)
            {
                return null;
            }

            var id = ReadId(root, fields);
            var title = RequiredText(root, fields, "title", "prompt file");
            var difficulty = ReadDifficulty(root, fields);
            var levels = ReadLevels(root, fields);
            var tags = TextList(root, fields, "tags", "prompt file", required: false);
            var stresses = ReadStresses(root, fields);
            var brief = RequiredText(root, fields, "brief", "prompt file");
            var facts = ReadFacts(root, fields);
            var tests = TextList(root, fields, "tests", "prompt file", required: true);
            var hardParts = ReadHardParts(root, fields);
            var tradeOffs = TextList(root, fields, "trade_offs", "prompt file", required: false);
            var followUps = TextList(root, fields, "follow_ups", "prompt file", required: true);
            var changes = ReadChanges(root, fields);
            var (referencePath, referenceText) = ReadReference(root, fields);

            if (id is null || title is null || difficulty is null || levels is null || tags is null || brief is null || facts is null || tests is null
                || hardParts is null || tradeOffs is null || followUps is null || changes is null || referencePath is null
                || Diagnostics.Any(d => d.Severity == Severity.Error))
            {
                return null;
            }

            return new Prompt(
                id.Value, title.Value.Trim(), difficulty.Value, levels, Texts(tags), brief.Value.Trim(), facts, Texts(tests), hardParts, Texts(tradeOffs),
                Texts(followUps), changes, referencePath, referenceText, file, Span(id))
            {
                Stresses = stresses,
            };
        }

        /// <summary>The optional <c>stresses</c> list: rubric dimensions in kebab case, each at most once.</summary>
        private List<RubricDimension> ReadStresses(YamlNode root, Dictionary<string, YamlNode> fields)
        {
            var result = new List<RubricDimension>();
            foreach (var node in TextList(root, fields, "stresses", "prompt file", required: false) ?? [])
            {
                var text = node.Value.Trim().ToLowerInvariant();
                var dimension = Prompt.Dimensions.FirstOrDefault(d => d.Name == text);
                if (dimension.Name is null)
                {
                    var closest = EditDistance.Closest(text, Prompt.Dimensions.Select(d => d.Name));
                    Add(Severity.Error, PromptCatalogDiagnosticCodes.InvalidValue, Span(node), $"'{node.Value}' is not a rubric dimension.", (closest is null ? "" : $"Did you mean '{closest}'? ") + "Use: " + string.Join(", ", Prompt.Dimensions.Select(d => d.Name)) + ".");
                }
                else if (result.Contains(dimension.Dimension))
                {
                    Add(Severity.Error, PromptCatalogDiagnosticCodes.Duplicate, Span(node), $"'{node.Value}' is listed twice.", "List each dimension once.");
                }
                else
                {
                    result.Add(dimension.Dimension);
                }
            }

            return result;
        }

        private static List<string> Texts(List<YamlNode> nodes) => nodes.Select(n => n.Value.Trim()).ToList();

        private YamlNode? ReadId(YamlNode root, Dictionary<string, YamlNode> fields)
        {
            var id = RequiredText(root, fields, "id", "prompt file");
            if (id is null)
            {
                return null;
            }

            if (!IsPromptId(id.Value))
            {
                Add(Severity.Error, PromptCatalogDiagnosticCodes.InvalidValue, Span(id), $"'{id.Value}' is not a valid prompt id.", "Use lower-case letters, digits and single hyphens, starting with a letter, such as 'url-shortener'.");
                return null;
            }

            var fileId = Path.GetFileNameWithoutExtension(file.Replace('\\', '/').Split('/')[^1]);
            if (!string.Equals(fileId, id.Value, StringComparison.Ordinal))
            {
                Add(Severity.Warning, PromptCatalogDiagnosticCodes.IdFileNameMismatch, Span(id), $"The id '{id.Value}' differs from the file name '{fileId}'.", $"Name the file '{id.Value}.yaml' so prompts are easy to find.");
            }

            return id;
        }

        private PromptDifficulty? ReadDifficulty(YamlNode root, Dictionary<string, YamlNode> fields)
        {
            var node = RequiredText(root, fields, "difficulty", "prompt file");
            if (node is null)
            {
                return null;
            }

            switch (node.Value.Trim().ToLowerInvariant())
            {
                case "easy": return PromptDifficulty.Easy;
                case "medium": return PromptDifficulty.Medium;
                case "hard": return PromptDifficulty.Hard;
                default:
                    Add(Severity.Error, PromptCatalogDiagnosticCodes.InvalidValue, Span(node), $"'{node.Value}' is not a difficulty.", "Use one of: easy, medium, hard.");
                    return null;
            }
        }

        private List<DesignLevel>? ReadLevels(YamlNode root, Dictionary<string, YamlNode> fields)
        {
            var nodes = TextList(root, fields, "levels", "prompt file", required: true);
            if (nodes is null)
            {
                return null;
            }

            var levels = new List<DesignLevel>();
            foreach (var node in nodes)
            {
                DesignLevel? level = node.Value.Trim().ToLowerInvariant() switch
                {
                    "mid" => DesignLevel.Mid,
                    "senior" => DesignLevel.Senior,
                    "staff" => DesignLevel.Staff,
                    _ => null,
                };
                if (level is null)
                {
                    Add(Severity.Error, PromptCatalogDiagnosticCodes.InvalidValue, Span(node), $"'{node.Value}' is not an interview level.", "Use mid, senior or staff, such as 'levels: [mid, senior]'.");
                }
                else if (levels.Contains(level.Value))
                {
                    Add(Severity.Error, PromptCatalogDiagnosticCodes.Duplicate, Span(node), $"Level '{node.Value}' is listed twice.", "List each level once.");
                }
                else
                {
                    levels.Add(level.Value);
                }
            }

            return levels;
        }

        private List<PromptFact>? ReadFacts(YamlNode root, Dictionary<string, YamlNode> fields)
        {
            if (Entries(root, fields, "facts", "prompt file", required: true) is not { } entries)
            {
                return null;
            }

            var facts = new List<PromptFact>();
            foreach (var entry in entries)
            {
                if (Fields(entry, "fact", FactKeys) is not { } factFields)
                {
                    continue;
                }

                var topic = RequiredText(entry, factFields, "topic", "fact");
                var answer = RequiredText(entry, factFields, "answer", "fact");
                var phrasings = TextList(entry, factFields, "phrasings", "fact", required: false);
                if (topic is not null && !topics.Contains(topic.Value.Trim()))
                {
                    var close = topics.Suggest(topic.Value);
                    var hint = close.Count > 0
                        ? "Did you mean " + string.Join(", ", close) + "? The topics are listed in catalog/topics.yaml."
                        : "Use a topic id from catalog/topics.yaml, such as scale.dau or latency.target.";
                    Add(Severity.Error, PromptCatalogDiagnosticCodes.UnknownTopic, Span(topic), $"Unknown topic '{topic.Value}'.", hint);
                    continue;
                }

                if (topic is not null && answer is not null && phrasings is not null)
                {
                    facts.Add(new PromptFact(topic.Value.Trim(), answer.Value.Trim(), Texts(phrasings), Span(topic)));
                }
            }

            return facts;
        }

        private List<HardPart>? ReadHardParts(YamlNode root, Dictionary<string, YamlNode> fields)
        {
            if (Entries(root, fields, "hard_parts", "prompt file", required: true) is not { } entries)
            {
                return null;
            }

            var parts = new List<HardPart>();
            foreach (var entry in entries)
            {
                if (Fields(entry, "hard part", HardPartKeys) is not { } partFields)
                {
                    continue;
                }

                var name = RequiredText(entry, partFields, "name", "hard part");
                var concepts = TextList(entry, partFields, "concepts", "hard part", required: true);
                if (name is not null && concepts is not null)
                {
                    parts.Add(new HardPart(name.Value.Trim(), Texts(concepts), Span(name)));
                }
            }

            return parts;
        }

        private List<ConstraintChange>? ReadChanges(YamlNode root, Dictionary<string, YamlNode> fields)
        {
            if (Entries(root, fields, "constraint_changes", "prompt file", required: false) is not { } entries)
            {
                return null;
            }

            var changes = new List<ConstraintChange>();
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var entry in entries)
            {
                if (Fields(entry, "constraint change", ChangeKeys) is not { } changeFields)
                {
                    continue;
                }

                var name = RequiredText(entry, changeFields, "name", "constraint change");
                var description = RequiredText(entry, changeFields, "description", "constraint change");
                ConstraintChangeAction? action = null;
                if (!changeFields.TryGetValue("change", out var changeNode))
                {
                    Add(Severity.Error, PromptCatalogDiagnosticCodes.MissingField, Span(entry), "This constraint change has no 'change'.", "Add 'change: { scale_flows: 10 }' or 'change: { fault: lose_region }'.");
                }
                else
                {
                    action = ReadAction(changeNode);
                }

                if (name is not null && !names.Add(name.Value.Trim()))
                {
                    Add(Severity.Error, PromptCatalogDiagnosticCodes.Duplicate, Span(name), $"Constraint change '{name.Value}' is named twice.", "Give each change its own name.");
                    continue;
                }

                if (name is not null && description is not null && action is not null)
                {
                    changes.Add(new ConstraintChange(name.Value.Trim(), description.Value.Trim(), action, Span(name)));
                }
            }

            return changes;
        }

        private ConstraintChangeAction? ReadAction(YamlNode node)
        {
            const string Vocabulary = "Write one of: { scale_flows: 10 }, { scale_flow: { name: redirect, factor: 10 } }, { fault: kill_component, component: cache }, { fault: lose_region }, { fault: cache_flush, component: cache }.";
            if (Fields(node, "change", ChangeVocabulary) is not { } fields)
            {
                return null;
            }

            var kinds = new[] { "scale_flows", "scale_flow", "fault" }.Where(fields.ContainsKey).ToList();
            if (kinds.Count != 1)
            {
                Add(Severity.Error, PromptCatalogDiagnosticCodes.InvalidChange, Span(node), kinds.Count == 0 ? "This change says neither 'scale_flows', 'scale_flow' nor 'fault'." : "A change must be one of 'scale_flows', 'scale_flow' or 'fault', not several.", Vocabulary);
                return null;
            }

            fields.TryGetValue("component", out var component);
            switch (kinds[0])
            {
                case "scale_flows":
                    NoComponent(component);
                    return Factor(fields["scale_flows"], "scale_flows") is { } factor ? new ScaleFlows(factor) : null;
                case "scale_flow":
                    NoComponent(component);
                    if (Fields(fields["scale_flow"], "scale_flow", ScaleFlowKeys) is not { } flowFields)
                    {
                        return null;
                    }

                    var flow = RequiredText(fields["scale_flow"], flowFields, "name", "scale_flow");
                    double? flowFactor = flowFields.TryGetValue("factor", out var factorNode) ? Factor(factorNode, "factor") : MissingFactor(fields["scale_flow"]);
                    return flow is not null && flowFactor is not null ? new ScaleFlow(flow.Value.Trim(), flowFactor.Value) : null;
                default:
                    var fault = Text(fields["fault"], "fault");
                    if (fault is null)
                    {
                        return null;
                    }

                    switch (fault.Value.Trim())
                    {
                        case "lose_region":
                            NoComponent(component);
                            return new LoseRegion();
                        case "kill_component" or "cache_flush":
                            var name = component is null ? null : Text(component, "component");
                            if (component is null)
                            {
                                Add(Severity.Error, PromptCatalogDiagnosticCodes.InvalidChange, Span(fault), $"Fault '{fault.Value}' needs the component it hits.", $"Write 'change: {{ fault: {fault.Value}, component: cache }}'.");
                            }

                            return name is null ? null : fault.Value.Trim() == "cache_flush" ? new CacheFlush(name.Value.Trim()) : new KillComponent(name.Value.Trim());
                        default:
                            var closest = EditDistance.Closest(fault.Value, Faults);
                            Add(Severity.Error, PromptCatalogDiagnosticCodes.InvalidChange, Span(fault), $"'{fault.Value}' is not a known fault.", (closest is null ? "" : $"Did you mean '{closest}'? ") + "Known faults: " + string.Join(", ", Faults) + ".");
                            return null;
                    }
            }
        }

        private void NoComponent(YamlNode? component)
        {
            if (component is not null)
            {
                Add(Severity.Warning, PromptCatalogDiagnosticCodes.UnknownKey, Span(component), "'component' only applies to the kill_component and cache_flush faults; it is ignored here.", "Remove 'component'.");
            }
        }

        private double? MissingFactor(YamlNode node)
        {
            Add(Severity.Error, PromptCatalogDiagnosticCodes.MissingField, Span(node), "This scale_flow has no 'factor'.", "Write 'scale_flow: { name: redirect, factor: 10 }'.");
            return null;
        }

        private double? Factor(YamlNode node, string key)
        {
            if (node.Kind == YamlNodeKind.Scalar
                && double.TryParse(node.Value.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var factor)
                && double.IsFinite(factor) && factor > 0 && factor <= MaxScaleFactor)
            {
                return factor;
            }

            Add(Severity.Error, PromptCatalogDiagnosticCodes.InvalidChange, Span(node), $"'{key}' must be a number greater than 0 and at most {MaxScaleFactor.ToString(CultureInfo.InvariantCulture)}, not '{node.Value}'.", $"Write a plain multiplier such as '{key}: 10' (10x) or '{key}: 0.5' (half).");
            return null;
        }

        private (string? Path, string? Text) ReadReference(YamlNode root, Dictionary<string, YamlNode> fields)
        {
            var node = RequiredText(root, fields, "reference_design", "prompt file");
            if (node is null)
            {
                return (null, null);
            }

            var path = node.Value.Trim().Replace('\\', '/');
            if (path.StartsWith('/') || System.IO.Path.IsPathRooted(path) || path.Split('/').Any(s => s is ".." or "") || !path.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
            {
                Add(Severity.Error, PromptCatalogDiagnosticCodes.ReferenceDesignMissing, Span(node), $"'{node.Value}' is not a path to a Markdown file inside the prompt directory.", "Write a relative path such as 'reference/url-shortener.md'.");
                return (null, null);
            }

            var text = readReference(path);
            if (text is null)
            {
                Add(Severity.Error, PromptCatalogDiagnosticCodes.ReferenceDesignMissing, Span(node), $"The reference design '{path}' does not exist.", "Write the design in the design format (docs/design-format.md) at that path, relative to the prompt file's directory.");
                return (null, null);
            }

            return (path, text);
        }

        /// <summary>True for ids like <c>url-shortener</c>: lower-case letters and digits, single hyphens between words, starting with a letter.</summary>
        private static bool IsPromptId(string value) =>
            value.Length is > 0 and <= 64 && char.IsAsciiLetterLower(value[0]) && !value.EndsWith('-') && !value.Contains("--", StringComparison.Ordinal)
            && value.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');
    }
}
