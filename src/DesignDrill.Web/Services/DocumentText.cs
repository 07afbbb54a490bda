using System.Text;

namespace DesignDrill.Web.Services;

/// <summary>Checks design text that came over HTTP (a form field, an uploaded file or a request body) against the limits.</summary>
public static class DocumentText
{
    /// <summary>The message for a document over the limit (sent with status 413).</summary>
    /// <param name="bytes">The document's size in bytes (UTF-8).</param>
    /// <param name="maxBytes">The limit in bytes.</param>
    /// <returns>The message.</returns>
    public static string TooLargeMessage(long bytes, int maxBytes) =>
        $"The design document is {bytes:N0} bytes; the limit is {maxBytes:N0} bytes. Split it, or review it from the terminal with `drill review FILE` (10 MB limit).";

    /// <summary>The size of <paramref name="text"/> in UTF-8 bytes.</summary>
    /// <param name="text">Any text.</param>
    /// <returns>The byte count.</returns>
    public static long Utf8Bytes(string? text) => text is null ? 0 : Encoding.UTF8.GetByteCount(text);

    /// <summary>Reads an uploaded file as UTF-8 text, refusing what is too large or not text.</summary>
    /// <param name="file">The upload.</param>
    /// <param name="maxBytes">The limit in bytes.</param>
    /// <param name="cancellation">Cancels the read.</param>
    /// <returns>The text, or the reason it was refused and whether that is "too large" (413) or "not text" (400).</returns>
    public static async Task<(string? Text, string? Error, bool TooLarge)> ReadUploadAsync(IFormFile file, int maxBytes, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (file.Length > maxBytes)
        {
            return (null, TooLargeMessage(file.Length, maxBytes), true);
        }

        using var memory = new MemoryStream();
        await file.CopyToAsync(memory, cancellation);
        var bytes = memory.ToArray();
        if (Array.IndexOf(bytes, (byte)0) >= 0)
        {
            return (null, $"'{file.FileName}' is not a text file (it contains NUL bytes).", false);
        }

        try
        {
            var text = new UTF8Encoding(false, true).GetString(bytes);
            return (text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text, null, false);
        }
        catch (DecoderFallbackException)
        {
            return (null, $"'{file.FileName}' is not UTF-8 text.", false);
        }
    }
}
