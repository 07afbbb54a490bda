using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using DesignDrill.Core.Diagnostics;

namespace DesignDrill.Core.Text;

/// <summary>
/// Reading DesignDrill's own JSON files (session journals, data exports) into problems with JSON paths instead of
/// exceptions: parsing the text, and the shared formats of times and elapsed times.
/// </summary>
internal static partial class JsonInput
{
    /// <summary>The text form of an instant: UTC, 100 ns precision, fixed width (<c>2026-11-21T09:00:00.0000000Z</c>), the form the SQLite store uses.</summary>
    internal const string UtcFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    /// <summary>Parses <paramref name="json"/>, or reports where it stops being JSON (path <c>$</c>, with line and column).</summary>
    /// <param name="json">The text.</param>
    /// <param name="problems">Where a syntax problem is added.</param>
    /// <returns>The document (the caller disposes it), or <see langword="null"/> after a problem was added.</returns>
    internal static JsonDocument? Parse(string? json, List<JsonProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            problems.Add(new JsonProblem("$", "the file is empty", "Export the data again, or pick another file."));
            return null;
        }

        try
        {
            return JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line
                ? string.Create(CultureInfo.InvariantCulture, $" at line {line + 1}, column {(e.BytePositionInLine ?? 0) + 1}")
                : "";
            problems.Add(new JsonProblem("$", $"the file is not valid JSON{where}: {FirstSentence(e.Message)}", "The file may be cut short or edited by hand; export the data again."));
            return null;
        }
    }

    /// <summary>Formats an instant as <see cref="UtcFormat"/>.</summary>
    /// <param name="at">The instant, any offset.</param>
    /// <returns>The UTC text.</returns>
    internal static string FormatUtc(DateTimeOffset at) => at.UtcDateTime.ToString(UtcFormat, CultureInfo.InvariantCulture);

    /// <summary>
    /// Reads an ISO 8601 instant that states its offset: <c>2026-11-21T09:00:00Z</c>, <c>2026-11-21T10:00:00.5+01:00</c>;
    /// up to seven fractional digits.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="at">The instant, with offset zero.</param>
    /// <returns>Whether the text is such an instant.</returns>
    internal static bool TryParseUtc(string text, out DateTimeOffset at)
    {
        at = default;
        if (!InstantPattern().IsMatch(text))
        {
            return false;
        }

        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            return false;
        }

        at = parsed.ToUniversalTime();
        return true;
    }

    /// <summary>Formats a time since a session's start in .NET's constant form <c>[-][d.]hh:mm:ss[.fffffff]</c> (<c>00:12:04.5000000</c>).</summary>
    /// <param name="elapsed">The span.</param>
    /// <returns>The text, exact to 100 ns.</returns>
    internal static string FormatElapsed(TimeSpan elapsed) => elapsed.ToString("c", CultureInfo.InvariantCulture);

    /// <summary>Reads a span written by <see cref="FormatElapsed"/> (hours, minutes and seconds are all required: <c>00:12:04</c>).</summary>
    /// <param name="text">The text.</param>
    /// <param name="elapsed">The span; may be negative.</param>
    /// <returns>Whether the text is such a span.</returns>
    internal static bool TryParseElapsed(string text, out TimeSpan elapsed) =>
        TimeSpan.TryParseExact(text, "c", CultureInfo.InvariantCulture, out elapsed) && ElapsedPattern().IsMatch(text);

    /// <summary>A JSON value's kind as a person says it: "a number", "a string", "an object", "an array", "true", "false", "null".</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The words.</returns>
    internal static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    /// <summary>A text as a JSON string literal, cut to 60 characters, for messages (<c>"nextphase"</c>).</summary>
    /// <param name="text">The text.</param>
    /// <returns>The quoted text.</returns>
    internal static string Quote(string text) =>
        JsonSerializer.Serialize(text.Length <= 60 ? text : text[..59] + "…", QuoteOptions);

    private static readonly JsonSerializerOptions QuoteOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(" Path:", StringComparison.Ordinal);
        return (end > 0 ? message[..end] : message).Trim();
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,7})?(Z|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex InstantPattern();

    [GeneratedRegex(@"^-?(\d+\.)?\d{2}:\d{2}:\d{2}(\.\d{1,7})?$", RegexOptions.CultureInvariant)]
    private static partial Regex ElapsedPattern();
}

/// <summary>
/// Reads the properties of one JSON object, adding a <see cref="JsonProblem"/> for each missing, mistyped or unknown
/// property instead of throwing. Call <see cref="ReportUnknown"/> after reading every known property.
/// </summary>
internal sealed class JsonObjectReader
{
    private readonly JsonElement _element;
    private readonly List<JsonProblem> _problems;
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);

    private JsonObjectReader(JsonElement element, string path, List<JsonProblem> problems)
    {
        _element = element;
        Path = path;
        _problems = problems;
    }

    /// <summary>The object's JSON path (<c>$.entries[3]</c>).</summary>
    internal string Path { get; }

    /// <summary>A reader for <paramref name="element"/>, or <see langword="null"/> after reporting that it is not an object.</summary>
    /// <param name="element">The value.</param>
    /// <param name="path">Its JSON path.</param>
    /// <param name="problems">Where problems go.</param>
    /// <param name="what">What the object is, for the message ("a journal entry").</param>
    /// <returns>The reader, or <see langword="null"/>.</returns>
    internal static JsonObjectReader? Open(JsonElement element, string path, List<JsonProblem> problems, string what)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            problems.Add(new JsonProblem(path, $"expected {what} (a JSON object), found {JsonInput.Describe(element.ValueKind)}"));
            return null;
        }

        return new JsonObjectReader(element, path, problems);
    }

    /// <summary>The path of a property of this object.</summary>
    /// <param name="name">The property name.</param>
    /// <returns><c>$.entries[3].at</c>.</returns>
    internal string PathOf(string name) => Path + "." + name;

    /// <summary>Adds a problem at a property of this object.</summary>
    /// <param name="name">The property name.</param>
    /// <param name="message">What is wrong.</param>
    /// <param name="hint">What to write instead.</param>
    internal void Problem(string name, string message, string? hint = null) => _problems.Add(new JsonProblem(PathOf(name), message, hint));

    /// <summary>A property's value, marked as known; <see langword="null"/> when absent (a JSON <c>null</c> is returned as a value).</summary>
    /// <param name="name">The property name.</param>
    /// <returns>The value, or <see langword="null"/>.</returns>
    internal JsonElement? Optional(string name)
    {
        _known.Add(name);
        return _element.TryGetProperty(name, out var value) ? value : null;
    }

    /// <summary>A property's value, reporting it when absent.</summary>
    /// <param name="name">The property name.</param>
    /// <param name="hint">What to write, for the message when it is missing.</param>
    /// <returns>The value, or <see langword="null"/>.</returns>
    internal JsonElement? Required(string name, string? hint = null)
    {
        var value = Optional(name);
        if (value is null)
        {
            _problems.Add(new JsonProblem(PathOf(name), $"'{name}' is missing", hint));
        }

        return value;
    }

    /// <summary>A required string property.</summary>
    /// <param name="name">The property name.</param>
    /// <param name="hint">What to write, when it is missing or not a string.</param>
    /// <returns>The string, or <see langword="null"/> after a problem was added.</returns>
    internal string? String(string name, string? hint = null) => Required(name, hint) is { } value ? AsString(value, PathOf(name), hint) : null;

    /// <summary>A required whole-number property (a JSON integer that fits in 32 bits).</summary>
    /// <param name="name">The property name.</param>
    /// <param name="hint">What to write, when it is missing or not a whole number.</param>
    /// <returns>The number, or <see langword="null"/> after a problem was added.</returns>
    internal int? Int(string name, string? hint = null) => Required(name, hint) is { } value ? AsInt(value, PathOf(name), hint) : null;

    /// <summary>A required finite number property.</summary>
    /// <param name="name">The property name.</param>
    /// <param name="hint">What to write, when it is missing or not a number.</param>
    /// <returns>The number, or <see langword="null"/> after a problem was added.</returns>
    internal double? Double(string name, string? hint = null)
    {
        if (Required(name, hint) is not { } value)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var number) || !double.IsFinite(number))
        {
            Problem(name, $"expected a number, found {JsonInput.Describe(value.ValueKind)}", hint);
            return null;
        }

        return number;
    }

    /// <summary>A required instant property in the form of <see cref="JsonInput.TryParseUtc"/>.</summary>
    /// <param name="name">The property name.</param>
    /// <returns>The instant (offset zero), or <see langword="null"/> after a problem was added.</returns>
    internal DateTimeOffset? Instant(string name)
    {
        const string Hint = "Write an ISO 8601 time with its offset, such as \"2026-11-21T09:00:00.0000000Z\".";
        if (String(name, Hint) is not { } text)
        {
            return null;
        }

        if (!JsonInput.TryParseUtc(text, out var at))
        {
            Problem(name, $"{JsonInput.Quote(text)} is not a time with a time zone", Hint);
            return null;
        }

        return at;
    }

    /// <summary>A required time-since-start property in the form of <see cref="JsonInput.TryParseElapsed"/>, not negative.</summary>
    /// <param name="name">The property name.</param>
    /// <returns>The span, or <see langword="null"/> after a problem was added.</returns>
    internal TimeSpan? Elapsed(string name)
    {
        const string Hint = "Write the time since the session started as hh:mm:ss with up to 7 decimals, such as \"00:12:04.5\".";
        if (String(name, Hint) is not { } text)
        {
            return null;
        }

        if (!JsonInput.TryParseElapsed(text, out var elapsed))
        {
            Problem(name, $"{JsonInput.Quote(text)} is not a time since the start", Hint);
            return null;
        }

        if (elapsed < TimeSpan.Zero)
        {
            Problem(name, $"{JsonInput.Quote(text)} is negative; times count from the session's start", Hint);
            return null;
        }

        return elapsed;
    }

    /// <summary>A required array property.</summary>
    /// <param name="name">The property name.</param>
    /// <returns>The array's items, or <see langword="null"/> after a problem was added.</returns>
    internal IReadOnlyList<JsonElement>? Array(string name)
    {
        if (Required(name, "Write a JSON array, such as [] when there is nothing.") is not { } value)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            Problem(name, $"expected an array, found {JsonInput.Describe(value.ValueKind)}", "Write a JSON array, such as [] when there is nothing.");
            return null;
        }

        return [.. value.EnumerateArray()];
    }

    /// <summary>Reports every property not asked for (a typo, or a field of another format) and every property given twice.</summary>
    internal void ReportUnknown()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in _element.EnumerateObject())
        {
            if (!seen.Add(property.Name))
            {
                Problem(property.Name, $"'{property.Name}' is given twice", "Keep one of them.");
            }
            else if (!_known.Contains(property.Name))
            {
                var closest = EditDistance.Closest(property.Name, _known);
                Problem(property.Name, $"unknown property '{property.Name}'", closest is null ? $"Known properties here: {string.Join(", ", _known)}." : $"Did you mean '{closest}'?");
            }
        }
    }

    /// <summary>A value that must be a string.</summary>
    /// <param name="value">The value.</param>
    /// <param name="path">Its path.</param>
    /// <param name="hint">What to write when it is not a string.</param>
    /// <returns>The string, or <see langword="null"/> after a problem was added.</returns>
    internal string? AsString(JsonElement value, string path, string? hint = null)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            _problems.Add(new JsonProblem(path, $"expected a string, found {JsonInput.Describe(value.ValueKind)}", hint));
            return null;
        }

        return value.GetString();
    }

    /// <summary>A value that must be a whole number that fits in 32 bits.</summary>
    /// <param name="value">The value.</param>
    /// <param name="path">Its path.</param>
    /// <param name="hint">What to write when it is not.</param>
    /// <returns>The number, or <see langword="null"/> after a problem was added.</returns>
    internal int? AsInt(JsonElement value, string path, string? hint = null)
    {
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number))
        {
            _problems.Add(new JsonProblem(path, $"expected a whole number, found {(value.ValueKind == JsonValueKind.Number ? value.GetRawText() : JsonInput.Describe(value.ValueKind))}", hint));
            return null;
        }

        return number;
    }
}
