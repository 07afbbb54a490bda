using System.Text;
using System.Text.RegularExpressions;
using DesignDrill.Core.DesignDocs;

namespace DesignDrill.Benchmarks;

/// <summary>
/// The inputs of the benchmarks, built from the repository's <c>samples/*.md</c>: one realistic page and a realistic
/// 1 MB document made of the samples' sections repeated, with every estimate, component, flow and entity renamed per
/// copy (<c>read_rate</c> becomes <c>read_rate_7</c>, a number per sample and copy) and every API path prefixed (<c>/c7/v1/urls</c>), so names stay
/// unique and the parser and rules see a large design rather than one page's duplicates.
/// </summary>
public static partial class BenchmarkDocuments
{
    /// <summary>Size the large document reaches at least: 1,000,000 characters (the acceptance criterion's "1 MB").</summary>
    public const int MegabyteLength = 1_000_000;

    /// <summary>The text of <c>samples/url-shortener.md</c>.</summary>
    public static string UrlShortener() => File.ReadAllText(Path.Combine(SamplesFolder(), "url-shortener.md"));

    /// <summary>Builds the large document: a front matter and title, then one section per kind (in the samples' order) holding every copy's lines.</summary>
    /// <param name="minimumLength">Characters the document reaches at least.</param>
    /// <returns>The document, LF line ends.</returns>
    public static string Large(int minimumLength = MegabyteLength)
    {
        var samples = Directory.GetFiles(SamplesFolder(), "*.md").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList();
        var bodies = new Dictionary<SectionKind, StringBuilder>();
        var order = new List<(SectionKind Kind, string Title)>();
        var length = 0;
        for (var copy = 0; length < minimumLength; copy++)
        {
            for (var s = 0; s < samples.Count; s++)
            {
                var tag = (copy * samples.Count) + s + 1;
                var document = DesignDocumentParser.Parse(samples[s]);
                var lines = samples[s].Split('\n');
                var rename = Renamer(document, tag);
                foreach (var section in document.Sections)
                {
                    if (!bodies.TryGetValue(section.Kind, out var body))
                    {
                        body = bodies[section.Kind] = new StringBuilder();
                        order.Add((section.Kind, section.Title));
                    }

                    var before = body.Length;
                    for (var line = section.StartLine + 1; line <= section.EndLine; line++)
                    {
                        var text = rename(lines[line - 1]);
                        body.Append(section.Kind == SectionKind.Api ? ApiMethod().Replace(text, $"$1 /c{tag}/") : text).Append('\n');
                    }

                    length += body.Length - before;
                }
            }
        }

        var builder = new StringBuilder("---\nprompt: url-shortener\nlevel: senior\n---\n\n# Large design\n\n", length + 4096);
        foreach (var (kind, title) in order)
        {
            builder.Append("## ").Append(title).Append("\n\n").Append(bodies[kind]).Append('\n');
        }

        return builder.ToString();
    }

    /// <summary>Renames the sample's declared names as whole words, except a component's kind (<c>client: client</c>).</summary>
    private static Func<string, string> Renamer(DesignDocument document, int tag)
    {
        var names = document.Estimates.Select(e => e.Name)
            .Concat(document.Architecture.Components.Select(c => c.Name))
            .Concat(document.Architecture.Flows.Select(f => f.Name))
            .Concat(document.Entities.Select(e => e.Name))
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(n => n.Length)
            .ToList();
        if (names.Count == 0)
        {
            return text => text;
        }

        var pattern = new Regex(
            @"(?<!^[ \t>*-]*`?[\w-]+:[ \t]*)(?<![\w-])(" + string.Join('|', names.Select(Regex.Escape)) + @")(?![\w-])",
            RegexOptions.CultureInvariant | RegexOptions.Compiled);
        return text => pattern.Replace(text, m => m.Value + "_" + tag);
    }

    private static string SamplesFolder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "DesignDrill.slnx")))
            {
                return Path.Combine(directory.FullName, "samples");
            }
        }

        throw new InvalidOperationException($"No DesignDrill.slnx above {AppContext.BaseDirectory}; run the benchmarks from a checkout.");
    }

    [GeneratedRegex(@"\b(GET|POST|PUT|PATCH|DELETE|HEAD)\s+/", RegexOptions.CultureInvariant)]
    private static partial Regex ApiMethod();
}
