using System.Globalization;
using DesignDrill.Core.Catalog;
using DesignDrill.Core.DesignDocs;
using DesignDrill.Core.Diagnostics;
using DesignDrill.Core.Text;

namespace DesignDrill.Core.Architecture;

public static partial class ArchitectureParser
{
    /// <summary>Largest replica count accepted (1,000,000; rule of thumb: no design in an interview needs more).</summary>
    private const int MaxReplicas = 1_000_000;

    private static ComponentDecl? ReadComponent(string text, int start, int end, SourceLine line, ComponentCatalog catalog, Dictionary<string, IReadOnlyList<string>> suggestionCache, List<Diagnostic> diagnostics)
    {
        var nameEnd = LineText.ReadName(text, start, end, allowHyphen: true);
        var colon = LineText.SkipSpace(text, nameEnd, end);
        if (nameEnd == start || colon >= end || text[colon] != ':' || (colon + 1 < end && text[colon + 1] is ':' or '/'))
        {
            return null;
        }

        var parts = LineText.SplitList(text, colon + 1, end);
        var (firstStart, firstEnd) = parts[0];
        var kindEnd = LineText.ReadName(text, firstStart, firstEnd, allowHyphen: true);
        if (kindEnd == firstStart)
        {
            return null;
        }

        var kindText = text[firstStart..kindEnd];
        var known = catalog.TryResolve(kindText, out var kindInfo, out var technologyInfo);
        var technology = technologyInfo?.Id;
        var settings = new List<ComponentSetting>();
        int? replicas = null;
        string? replicasText = null;
        SourceSpan replicasSpan = default;
        var hasReplicaError = false;

        // The first part: KIND [TECHNOLOGY] [xN] [anything else, read as one more setting].
        var i = LineText.SkipSpace(text, kindEnd, firstEnd);
        for (var word = 1; word <= 2 && i < firstEnd; word++)
        {
            if (ReadReplicas(text, i, firstEnd) is { } factor)
            {
                replicasText = text[factor.Start..factor.End];
                replicasSpan = LineText.Span(line.Line, factor.Start, factor.End);
                if (int.TryParse(replicasText, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count is > 0 and <= MaxReplicas)
                {
                    replicas = count;
                }
                else if (replicasText.All(char.IsAsciiDigit))
                {
                    hasReplicaError = true;
                    diagnostics.Add(new Diagnostic(Severity.Error, DocDiagnosticCodes.InvalidReplicas, replicasSpan, $"Replica count '{replicasText}' must be a whole number from 1 to {MaxReplicas:N0}.", "Write 'x2' for two replicas, or leave it out for one."));
                }

                i = LineText.SkipSpace(text, factor.End, firstEnd);
                break;
            }

            var wordEnd = LineText.ReadName(text, i, firstEnd, allowHyphen: true);
            if (word == 1 && technologyInfo is null && wordEnd > i && (wordEnd == firstEnd || text[wordEnd] is ' ' or '\t'))
            {
                technology = catalog.IsTechnology(text[i..wordEnd]) && catalog.TryResolve(text[i..wordEnd], out _, out var named) && named is not null ? named.Id : text[i..wordEnd];
                i = LineText.SkipSpace(text, wordEnd, firstEnd);
                continue;
            }

            break;
        }

        if (i < firstEnd)
        {
            settings.AddRange(SettingReader.Read(text, i, firstEnd, line.Line));
        }

        var hasNumber = false;
        foreach (var (s, e) in parts.Skip(1))
        {
            if (s >= e)
            {
                diagnostics.Add(new Diagnostic(Severity.Warning, DocDiagnosticCodes.EmptySetting, LineText.Span(line.Line, s, s), "Empty setting between commas.", "Remove the extra comma."));
                continue;
            }

            hasNumber |= text.AsSpan(s, e - s).IndexOfAnyInRange('0', '9') >= 0;
            settings.AddRange(SettingReader.Read(text, s, e, line.Line));
        }

        if (!known)
        {
            // An unknown first word is a component only where a declaration is clearly meant; otherwise "Note: ..." is prose.
            var looksDeclared = line.Role == LineRole.Code || replicasText is not null || hasReplicaError || (parts.Count > 1 && hasNumber);
            if (!looksDeclared)
            {
                return null;
            }

            if (!suggestionCache.TryGetValue(kindText, out var suggestions))
            {
                suggestions = catalog.Suggest(kindText);
                suggestionCache[kindText] = suggestions;
            }

            var hint = (suggestions.Count > 0 ? "Did you mean " + string.Join(", ", suggestions) + "? " : "")
                + "Write a kind (service, cache, sql_db, queue, ...) or a technology (redis, postgres, kafka, ...); see catalog/components.yaml.";
            diagnostics.Add(new Diagnostic(Severity.Warning, DocDiagnosticCodes.UnknownComponentKind, LineText.Span(line.Line, firstStart, kindEnd), $"'{kindText}' is not a known component kind or technology.", hint));
        }

        var last = parts[^1].End > parts[^1].Start ? parts[^1].End : end;
        return new ComponentDecl(
            text[start..nameEnd],
            LineText.Span(line.Line, start, nameEnd),
            kindText,
            known ? kindInfo?.Kind : null,
            technology,
            replicas,
            settings,
            LineText.Span(line.Line, start, Math.Max(last, kindEnd)),
            LineText.Span(line.Line, firstStart, kindEnd),
            replicasText,
            replicasSpan);
    }

    /// <summary>Reads <c>xN</c>, <c>x N</c>, <c>×N</c> or <c>x name</c> at <paramref name="i"/>; returns the factor's range.</summary>
    private static (int Start, int End)? ReadReplicas(string text, int i, int end)
    {
        if (i >= end || text[i] is not ('x' or 'X' or '×' or '*'))
        {
            return null;
        }

        var j = i + 1;
        if (j < end && char.IsAsciiDigit(text[j]))
        {
            var k = j;
            while (k < end && char.IsAsciiDigit(text[k]))
            {
                k++;
            }

            return k == end || text[k] is ' ' or '\t' ? (j, k) : null;
        }

        if (j < end && text[j] is ' ' or '\t')
        {
            var k = LineText.SkipSpace(text, j, end);
            var digits = k;
            while (digits < end && char.IsAsciiDigit(text[digits]))
            {
                digits++;
            }

            var factorEnd = digits > k ? digits : LineText.ReadName(text, k, end, allowHyphen: false);
            return factorEnd > k && (factorEnd == end || text[factorEnd] is ' ' or '\t') ? (k, factorEnd) : null;
        }

        return null;
    }
}
