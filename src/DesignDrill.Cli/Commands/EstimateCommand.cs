using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using DesignDrill.Core.Diagnostics;
using DesignDrill.Core.Estimation;

namespace DesignDrill.Cli.Commands;

/// <summary><c>drill estimate "EXPR"</c>: evaluates one back-of-the-envelope expression with units.</summary>
internal static class EstimateCommand
{
    /// <summary>Examples and exit codes shown at the end of this command's help.</summary>
    public const string Examples =
        """
        Examples:
          drill estimate "100M * 10 / day" --in rps
          drill estimate "1.27 KB * 10M / month" --in "GB/month"
          drill estimate "10M / month" --in /s --seconds-per-month 2.5M
          drill estimate "500 B * 1B" --in TB --json
          drill estimate "series(99.95%, parallel(99.9%, 2), kofn(99%, 2, 3))"
          drill estimate "downtime(99.9%, year)" --in min
          drill estimate "1 - 0.9995" --in %

        Exit codes: 0 ok; 2 the expression or the unit has an error.
        """;

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var expression = new Argument<string>("expression")
        {
            Description = "The expression, quoted: numbers with K/M/B/T, units, + - * / ^, x, per, series(), parallel(), kofn(), downtime().",
        };
        var into = new Option<string?>("--in")
        {
            Description = "Convert the result into this unit: /s, rps, \"GB/month\", TB, Gbps, ms, % ...",
            HelpName = "UNIT",
        };
        var json = new Option<bool>("--json") { Description = "Print {\"value\": <number>, \"unit\": \"<unit>\"} at full precision." };
        var conventions = new ConventionOptions();

        var command = new Command("estimate", "Evaluate one back-of-the-envelope expression, with units, and show how it was read.");
        command.Arguments.Add(expression);
        command.Options.Add(into);
        command.Options.Add(json);
        conventions.AddTo(command);
        command.SetAction(parseResult => Run(
            parseResult.GetValue(expression) ?? "",
            parseResult.GetValue(into),
            parseResult.GetValue(json),
            conventions,
            parseResult,
            stdout,
            stderr));
        return command;
    }

    private static int Run(
        string text, string? into, bool json, ConventionOptions conventionOptions, ParseResult parseResult, TextWriter stdout, TextWriter stderr)
    {
        var diagnostics = new List<Diagnostic>();
        var conventions = conventionOptions.Apply(parseResult, Conventions.Default, diagnostics);
        if (DiagnosticOutput.WriteErrors(diagnostics, null, stderr))
        {
            return ExitCodes.UnusableInput;
        }

        var result = EstimateEvaluator.Evaluate(text, new Dictionary<string, Quantity>(), conventions, new SourceSpan(1, 1, 1));
        if (result.Value is not { } value)
        {
            DiagnosticOutput.WriteErrors(result.Diagnostics, text, stderr);
            return ExitCodes.UnusableInput;
        }

        foreach (var warning in result.Diagnostics.Where(d => d.Severity < Severity.Error))
        {
            stderr.WriteLine($"warning {warning.Code}: {warning.Message}");
        }

        double number;
        string unitText;
        if (into is not null)
        {
            if (!Units.TryParse(into, conventions, out var unit, out var unitDiagnostic))
            {
                stderr.WriteLine($"error {unitDiagnostic!.Code}: {unitDiagnostic.Message}" + (unitDiagnostic.Hint is null ? "" : $" (hint: {unitDiagnostic.Hint})"));
                return ExitCodes.UnusableInput;
            }

            if (!Units.TryConvert(value, unit, out number, out var convertDiagnostic))
            {
                stderr.WriteLine($"error {convertDiagnostic!.Code}: {convertDiagnostic.Message}" + (convertDiagnostic.Hint is null ? "" : $" (hint: {convertDiagnostic.Hint})"));
                return ExitCodes.UnusableInput;
            }

            unitText = into.Trim();
        }
        else
        {
            number = value.Value;
            unitText = value.Dimension.ToString();
        }

        if (json)
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = false }))
            {
                writer.WriteStartObject();
                writer.WriteNumber("value", number);
                writer.WriteString("unit", unitText);
                writer.WriteEndObject();
            }

            stdout.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
            return ExitCodes.Ok;
        }

        stdout.WriteLine(into is null ? value.Format(conventions, result.Display)
            : unitText == "%" ? Quantity.FormatPercent(value.Value)
            : $"{FormatPlain(number)} {unitText}");
        stdout.WriteLine($"  = {result.Derivation}");

        foreach (var interpretation in result.Interpretations)
        {
            stdout.WriteLine($"  read as: {interpretation}");
        }

        if (!conventions.Equals(Conventions.Default))
        {
            stdout.WriteLine($"  conventions: {conventions}");
        }

        return ExitCodes.Ok;
    }

    /// <summary>Formats a converted number for people: up to 2 decimals, no exponent for ordinary magnitudes, no thousands separators.</summary>
    internal static string FormatPlain(double number)
    {
        var magnitude = Math.Abs(number);
        if (magnitude != 0 && (magnitude >= 1e15 || magnitude < 0.01))
        {
            return number.ToString("0.####e+0", CultureInfo.InvariantCulture);
        }

        return number.ToString("0.##", CultureInfo.InvariantCulture);
    }
}
