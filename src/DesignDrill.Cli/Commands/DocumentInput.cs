using System.Text;

namespace DesignDrill.Cli.Commands;

/// <summary>Reads a design document from disk, refusing what is not usable as text with a clear message.</summary>
internal static class DocumentInput
{
    /// <summary>Largest document accepted, in bytes (10 MB; rule of thumb: a hundred times any real design document).</summary>
    public const long MaxBytes = 10_000_000;

    /// <summary>Reads <paramref name="path"/> as UTF-8 text, or returns an error message for the user.</summary>
    public static bool TryRead(string path, out string text, out string error)
    {
        text = "";
        if (string.IsNullOrWhiteSpace(path))
        {
            error = "no file given";
            return false;
        }

        FileInfo info;
        try
        {
            info = new FileInfo(path);
            if (Directory.Exists(path))
            {
                error = $"'{path}' is a directory, not a design document";
                return false;
            }

            if (!info.Exists)
            {
                error = $"file not found: {path}";
                return false;
            }

            if (info.Length > MaxBytes)
            {
                error = $"'{path}' is {info.Length:N0} bytes; the limit is {MaxBytes:N0} bytes";
                return false;
            }

            var bytes = File.ReadAllBytes(path);
            if (Array.IndexOf(bytes, (byte)0) >= 0)
            {
                error = $"'{path}' is not a text file (it contains NUL bytes)";
                return false;
            }

            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes);
            if (text.Length > 0 && text[0] == '\uFEFF')
            {
                text = text[1..];
            }

            error = "";
            return true;
        }
        catch (DecoderFallbackException)
        {
            error = $"'{path}' is not UTF-8 text";
            return false;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            error = $"cannot read '{path}': {e.Message}";
            return false;
        }
    }
}
