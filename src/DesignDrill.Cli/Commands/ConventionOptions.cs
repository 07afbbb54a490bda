using System.CommandLine;
using DesignDrill.Core.Diagnostics;
using DesignDrill.Core.Estimation;

namespace DesignDrill.Cli.Commands;

/// <summary>The estimation-convention options shared by <c>estimate</c> and <c>review</c>.</summary>
internal sealed class ConventionOptions
{
    public Option<string?> SecondsPerDay { get; } = new("--seconds-per-day")
    {
        Description = "Seconds in a day: 86400 (default) or the interview shortcut 100K.",
        HelpName = "N",
    };

    public Option<string?> SecondsPerMonth { get; } = new("--seconds-per-month")
    {
        Description = "Seconds in a month, e.g. 2.5M (some published solutions use it). Overrides --days-per-month.",
        HelpName = "N",
    };

    public Option<string?> DaysPerMonth { get; } = new("--days-per-month")
    {
        Description = "Days in a month (default 30).",
        HelpName = "N",
    };

    public Option<string?> DaysPerYear { get; } = new("--days-per-year")
    {
        Description = "Days in a year (default 365).",
        HelpName = "N",
    };

    public Option<bool> Binary { get; } = new("--binary")
    {
        Description = "Read KB, MB, GB, ... as powers of 1,024 instead of 1,000.",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(SecondsPerDay);
        command.Options.Add(SecondsPerMonth);
        command.Options.Add(DaysPerMonth);
        command.Options.Add(DaysPerYear);
        command.Options.Add(Binary);
    }

    /// <summary>Applies the options given on the command line over <paramref name="start"/>; bad values become diagnostics.</summary>
    public Conventions Apply(ParseResult parseResult, Conventions start, List<Diagnostic> diagnostics)
    {
        var settings = ToSettings(parseResult);
        return settings.Count == 0 ? start : Conventions.FromSettings(settings, start, diagnostics);
    }

    /// <summary>The options given on the command line as convention settings (keys of <see cref="Conventions.SettingKeys"/>).</summary>
    public Dictionary<string, string> ToSettings(ParseResult parseResult)
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        Add(settings, "seconds_per_day", parseResult.GetValue(SecondsPerDay));
        Add(settings, "days_per_month", parseResult.GetValue(DaysPerMonth));
        Add(settings, "seconds_per_month", parseResult.GetValue(SecondsPerMonth));
        Add(settings, "days_per_year", parseResult.GetValue(DaysPerYear));
        if (parseResult.GetValue(Binary))
        {
            settings["storage_prefixes"] = "binary";
        }

        return settings;
    }

    private static void Add(Dictionary<string, string> settings, string key, string? value)
    {
        if (value is not null)
        {
            settings[key] = value;
        }
    }
}
