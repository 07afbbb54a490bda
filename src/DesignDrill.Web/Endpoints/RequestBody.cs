using System.Text;
using System.Text.Json;
using DesignDrill.Web.Services;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DesignDrill.Web.Endpoints;

/// <summary>
/// Reads an API request's design document: the raw body as <c>text/markdown</c> or <c>text/plain</c>, or a JSON object
/// <c>{ "text": "...", "level": "senior" }</c>. Refuses what is over the limit (413), not UTF-8 or not valid JSON (400),
/// each with a ProblemDetails message.
/// </summary>
internal static class RequestBody
{
    /// <summary>A document read from a request.</summary>
    /// <param name="Text">The document.</param>
    /// <param name="Level">The level asked for, or null.</param>
    internal sealed record Document(string Text, string? Level);

    /// <summary>
    /// Reads the body: at most <paramref name="maxBytes"/> bytes of document, plus a quarter and 1 KB for the JSON wrapping
    /// and escapes (rule of thumb); the document itself is then checked against <paramref name="maxBytes"/>.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="maxBytes">The document limit in bytes.</param>
    /// <returns>The document, or the problem to answer with.</returns>
    internal static async Task<(Document? Document, ProblemHttpResult? Problem)> ReadDocumentAsync(HttpRequest request, int maxBytes)
    {
        var limit = maxBytes + (maxBytes / 4) + 1_024;
        if (request.ContentLength is { } declared && declared > limit)
        {
            return (null, TooLarge(declared, maxBytes));
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81_920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > limit)
            {
                return (null, TooLarge(buffer.Length, maxBytes));
            }
        }

        var bytes = buffer.ToArray();
        string body;
        try
        {
            body = new UTF8Encoding(false, true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return (null, Bad("The request body is not UTF-8 text.", "Send the design document as UTF-8 (text/markdown), or as JSON {\"text\": \"...\"}."));
        }

        Document document;
        if (request.ContentType is { } type && type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                using var json = JsonDocument.Parse(body);
                if (json.RootElement.ValueKind != JsonValueKind.Object || !json.RootElement.TryGetProperty("text", out var text) || text.ValueKind != JsonValueKind.String)
                {
                    return (null, Bad("The JSON body has no \"text\" string.", "Send {\"text\": \"# My design ...\", \"level\": \"senior\"}."));
                }

                var level = json.RootElement.TryGetProperty("level", out var l) && l.ValueKind == JsonValueKind.String ? l.GetString() : null;
                document = new Document(text.GetString() ?? "", level);
            }
            catch (JsonException e)
            {
                return (null, Bad($"The JSON body is not valid: {e.Message}", "Send {\"text\": \"...\"} with the document as a JSON string, or send the document itself as text/markdown."));
            }
        }
        else
        {
            document = new Document(body.Length > 0 && body[0] == '\uFEFF' ? body[1..] : body, request.Query["level"]);
        }

        var size = DocumentText.Utf8Bytes(document.Text);
        return size > maxBytes ? (null, TooLarge(size, maxBytes)) : (document, null);
    }

    private static ProblemHttpResult TooLarge(long bytes, int maxBytes) =>
        TypedResults.Problem(DocumentText.TooLargeMessage(bytes, maxBytes), statusCode: StatusCodes.Status413PayloadTooLarge, title: "Design document too large");

    private static ProblemHttpResult Bad(string detail, string hint) =>
        TypedResults.Problem(detail + " " + hint, statusCode: StatusCodes.Status400BadRequest, title: "Request not readable");
}
