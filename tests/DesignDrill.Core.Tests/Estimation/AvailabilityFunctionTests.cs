using DesignDrill.Core.Diagnostics;
using DesignDrill.Core.Estimation;
using FsCheck;
using FsCheck.Fluent;
using static DesignDrill.Core.Tests.Estimation.EstimationTestKit;

namespace DesignDrill.Core.Tests.Estimation;

public sealed class AvailabilityFunctionTests
{
    [Theory]
    [InlineData("series(99.9%, 99.9%)", 0.998001, "99.8001%")]
    [InlineData("series(0.999, 0.999, 0.999)", 0.997002999, "99.7003%")]
    [InlineData("series(99.95%)", 0.9995, "99.95%")]
    [InlineData("parallel(99%, 2)", 0.9999, "99.99%")]
    [InlineData("parallel(99.9%, 3)", 0.999999999, "99.9999999%")]
    [InlineData("parallel(90%, 1)", 0.9, "90%")]
    [InlineData("kofn(0.99, 2, 3)", 0.999702, "99.9702%")]
    [InlineData("kofn(0.99,2,3)", 0.999702, "99.9702%")]
    [InlineData("kofn(99%, 1, 3)", 0.999999, "99.9999%")]
    [InlineData("kofn(99%, 3, 3)", 0.970299, "97.03%")]
    [InlineData("kofn(0.9, 3, 5)", 0.99144, "99.144%")]
    [InlineData("series(99.95%, parallel(99.9%, 2), kofn(99%, 2, 3))", 0.9995 * 0.999999 * 0.999702, "99.92011%")]
    public void Should_compute_worked_availability_examples_and_show_them_as_percentages(string expression,
        double expected, string shown)
    {
        // Given / When
        var result = Eval(expression);

        // Then
        result.Diagnostics.ShouldBeEmpty();
        var value = result.Value.ShouldNotBeNull();
        value.Dimension.ShouldBe(Dimension.Dimensionless);
        value.Value.ShouldBeClose(expected, 1e-12);
        result.Display.ShouldBe(QuantityDisplay.Percent);
        value.Format(Conventions.Default, result.Display).ShouldBe(shown);
        result.Derivation.ShouldEndWith("= " + shown);
    }

    [Fact]
    public void Should_give_the_yearly_downtime_of_three_nines()
    {
        // Given: 365-day years, so a year is 31,536,000 s and 0.1% of it is 8 h 45 min 36 s.
        // When
        var result = Eval("downtime(99.9%, year)");

        // Then
        var value = result.Value.ShouldNotBeNull();
        value.Dimension.ShouldBe(Dimension.Time);
        value.Value.ShouldBeClose((8 * 3600) + (45 * 60) + 36, 1e-9);
        value.Format(Conventions.Default).ShouldBe("8.76 h");
        result.Display.ShouldBe(QuantityDisplay.Natural);
    }

    [Fact]
    public void Should_give_the_often_quoted_8h45m57s_with_julian_years()
    {
        // Given: the figure usually quoted for three nines uses 365.25-day years.
        var julian = Conventions.Default with { DaysPerYear = 365.25 };

        // When
        var value = ValueOf("downtime(99.9%, year)", julian);

        // Then: 8 h 45 min 57.6 s.
        value.Value.ShouldBeClose((8 * 3600) + (45 * 60) + 57.6, 1e-9);
    }

    [Theory]
    [InlineData("downtime(99.99%, month)", 259.2, "4.32 min")]
    [InlineData("downtime(99.999%, year)", 315.36, "5.256 min")]
    [InlineData("downtime(99.9%, week)", 604.8, "10.08 min")]
    [InlineData("downtime(99%, day)", 864, "14.4 min")]
    [InlineData("downtime(99.9%, 30 days)", 2592, "43.2 min")]
    [InlineData("downtime(series(99.9%, 99.9%), year)", 63_040.464, "17.51 h")]
    public void Should_give_downtime_per_period(string expression, double seconds, string shown)
    {
        // Given: 30-day months, 365-day years (the defaults).
        // When
        var value = ValueOf(expression);

        // Then
        value.Value.ShouldBeClose(seconds, 1e-9);
        value.Format(Conventions.Default).ShouldBe(shown);
    }

    [Theory]
    [InlineData("parallel(99%)", "EST023", 1, 14)]
    [InlineData("kofn(99%, 2)", "EST023", 1, 13)]
    [InlineData("downtime(99.9%, year, 2)", "EST023", 1, 25)]
    [InlineData("series()", "EST023", 1, 9)]
    [InlineData("series(99%, 5 ms)", "EST024", 13, 17)]
    [InlineData("parallel(99%, 2 GB)", "EST024", 15, 19)]
    [InlineData("downtime(99.9%, 5 GB)", "EST024", 17, 21)]
    [InlineData("downtime(99.9%, 12)", "EST024", 17, 19)]
    [InlineData("series(150%)", "EST025", 8, 12)]
    [InlineData("series(-0.1)", "EST025", 8, 12)]
    [InlineData("parallel(99%, 0)", "EST025", 15, 16)]
    [InlineData("parallel(99%, 1.5)", "EST025", 15, 18)]
    [InlineData("kofn(99%, 4, 3)", "EST025", 11, 12)]
    [InlineData("kofn(99%, 2, 1001)", "EST025", 14, 18)]
    [InlineData("downtime(99.9%, -1 day)", "EST025", 17, 23)]
    [InlineData("paralel(99%, 2)", "EST026", 1, 8)]
    [InlineData("series", "EST004", 1, 7)]
    [InlineData("series(99%", "EST004", 7, 8)]
    [InlineData("series(99% 2)", "EST004", 12, 13)]
    [InlineData("1, 2", "EST004", 2, 3)]
    public void Should_report_bad_calls_with_spans_and_hints(string expression, string code, int column, int endColumn)
    {
        // Given / When
        var result = Eval(expression);

        // Then
        result.Succeeded.ShouldBeFalse();
        var diagnostic = result.Diagnostics.ShouldHaveSingleItem();
        diagnostic.Code.ShouldBe(code);
        diagnostic.Severity.ShouldBe(Severity.Error);
        diagnostic.Span.ShouldBe(new SourceSpan(1, column, endColumn));
        diagnostic.Hint.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public void Should_explain_an_availability_out_of_range()
    {
        var diagnostic = Eval("series(150%)").Diagnostics.ShouldHaveSingleItem();

        diagnostic.Message.ShouldBe("an availability is between 0% and 100%, not 150%");
        diagnostic.Hint.ShouldBe("write the fraction of time up, as 99.9% or 0.999");
    }

    [Fact]
    public void Should_explain_a_wrong_argument_count()
    {
        var diagnostic = Eval("parallel(99%)").Diagnostics.ShouldHaveSingleItem();

        diagnostic.Message.ShouldBe("parallel() takes 2 arguments, not 1");
        diagnostic.Hint.ShouldBe("write parallel(availability, replicas), as in parallel(99%, 2)");
    }

    [Theory]
    [InlineData("series")]
    [InlineData("parallel")]
    [InlineData("kofn")]
    [InlineData("downtime")]
    public void Should_refuse_function_names_as_estimate_names(string name)
    {
        // Given / When
        var sheet = Sheet(Conventions.Default, (name, "99.9%", null));

        // Then
        var diagnostic = sheet.Diagnostics.ShouldHaveSingleItem();
        diagnostic.Code.ShouldBe("EST013");
        diagnostic.Message.ShouldContain("is a function");
        UnitTable.IsReserved(name).ShouldBeTrue();
    }

    [Fact]
    public void Should_use_names_as_arguments_in_a_sheet()
    {
        // Given
        var sheet = Sheet(Conventions.Default,
            ("db", "99.95%", null),
            ("web", "parallel(99.9%, 2)", null),
            ("stack", "series(db, web)", "99.95%"),
            ("yearly", "downtime(stack, year)", "4.4 h"));

        // Then
        sheet.Diagnostics.ShouldBeEmpty();
        sheet.Values["stack"].Value.ShouldBeClose(0.9995 * 0.999999, 1e-12);
        sheet.Results[2].Display.ShouldBe(QuantityDisplay.Percent);
        sheet.Results[3].Display.ShouldBe(QuantityDisplay.Natural);
        sheet.Values["stack"].FormatInUnitOf("99.95%", Conventions.Default).ShouldBe("99.95%");
    }

    [Fact]
    public void Should_read_thousands_groups_outside_calls_and_argument_commas_inside()
    {
        ValueOf("1,000 * parallel(99%,2)").Value.ShouldBeClose(999.9, 1e-12);
        ValueOf("kofn(99%, 2,3) * (1,000)").Value.ShouldBeClose(999.702, 1e-12);
    }

    [Fact]
    public void Should_convert_any_count_into_percent()
    {
        // Given
        Units.TryParse("%", Conventions.Default, out var percent, out var diagnostic).ShouldBeTrue();

        // When / Then
        diagnostic.ShouldBeNull();
        percent.ShouldBe(Quantity.Count(0.01));
        ValueOf("0.2").In("%").ShouldBeClose(20);
        ValueOf("series(99.9%, 99.9%)").In("%").ShouldBeClose(99.8001);
    }

    [Theory]
    [InlineData(0.998001, "99.8001%")]
    [InlineData(0.9999, "99.99%")]
    [InlineData(0.99999, "99.999%")]
    [InlineData(0.2, "20%")]
    [InlineData(1, "100%")]
    [InlineData(0, "0%")]
    [InlineData(0.123456, "12.35%")]
    [InlineData(1.5, "150%")]
    public void Should_format_fractions_as_percentages_keeping_the_digits_of_the_remainder(double fraction, string text)
    {
        Quantity.FormatPercent(fraction).ShouldBe(text);
    }

    [Fact]
    public void Should_compute_k_of_n_stably_for_a_thousand_replicas()
    {
        // Given / When
        var all = Availability.KOfN(0.999, 1000, 1000);
        var any = Availability.KOfN(0.5, 1, 1000);
        var half = Availability.KOfN(0.5, 501, 1000);

        // Then: every one up is a^n; at least one up is 1 − (1 − a)^n; at a = ½ the binomial is symmetric, so
        // P(X ≥ 501) = P(X ≤ 499) and the two tails differ from ½ by half the central term.
        all.ShouldBeClose(Math.Pow(0.999, 1000), 1e-10);
        any.ShouldBe(1);
        (Availability.KOfN(0.5, 500, 1000) - half).ShouldBeClose(Binomial1000Choose500Over2Pow1000, 1e-10);
        half.ShouldBeClose((1 - Binomial1000Choose500Over2Pow1000) / 2, 1e-12);
    }

    /// <summary>C(1000, 500) / 2^1000 ≈ 0.0252250181783608 (the central binomial probability, computed exactly with big integers).</summary>
    private const double Binomial1000Choose500Over2Pow1000 = 0.0252250181783608;

    [Fact]
    public void Should_agree_with_series_and_parallel_at_the_ends_of_k()
    {
        var samples =
            from permille in Gen.Choose(0, 1000)
            from n in Gen.Choose(1, 60)
            select (permille / 1000.0, n);

        Prop.ForAll(samples.ToArbitrary(), s =>
        {
            var (a, n) = s;
            var allUp = Availability.KOfN(a, n, n);
            var anyUp = Availability.KOfN(a, 1, n);
            return Math.Abs(allUp - Availability.Series(Enumerable.Repeat(a, n))) <= 1e-12 &&
                   Math.Abs(anyUp - Availability.Parallel(a, n)) <= 1e-12 &&
                   allUp <= anyUp;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Should_never_lower_availability_by_requiring_fewer_replicas()
    {
        var samples =
            from permille in Gen.Choose(0, 1000)
            from n in Gen.Choose(2, 200)
            from k in Gen.Choose(2, n)
            select (permille / 1000.0, k, n);

        Prop.ForAll(samples.ToArbitrary(), s =>
        {
            var (a, k, n) = s;
            var value = Availability.KOfN(a, k, n);
            return value is >= 0 and <= 1 && Availability.KOfN(a, k - 1, n) >= value - 1e-12;
        }).QuickCheckThrowOnFailure();
    }
}
