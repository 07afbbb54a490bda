namespace DesignDrill.Core.Progress;

/// <summary>
/// Spaced-repetition scheduling with <b>FSRS-5</b>, the Free Spaced Repetition Scheduler that Anki adopted (version 5,
/// 19 parameters w0–w18, power forgetting curve with decay −0.5). The formulas are those of the FSRS wiki, "The
/// Algorithm", FSRS-5 section (https://github.com/open-spaced-repetition/fsrs4anki/wiki/The-Algorithm), and of the
/// reference scheduler py-fsrs 5 (open-spaced-repetition/py-fsrs, <c>src/fsrs/fsrs.py</c>, <c>ALGORITHM.md</c>); the
/// state machine — learning steps, review, relearning steps — is py-fsrs 5's. docs/progress.md explains it.
/// </summary>
/// <remarks>
/// <para>
/// Deterministic: the reference implementations add random "fuzz" to intervals of 3 days and more to spread
/// reviews; DesignDrill does not (a person practises a few dozen cards, not thousands), so the same reviews always
/// give the same schedule and the published example sequences (computed with fuzz off) are reproduced exactly.
/// </para>
/// <para>
/// Elapsed time is counted in whole days (the floor of the time since the last review), as py-fsrs 5 does; a review
/// less than a day after the previous one uses the short-term stability formula.
/// </para>
/// </remarks>
public sealed class FsrsScheduler
{
    /// <summary>Number of FSRS-5 parameters (19: w0–w18; FSRS wiki, "The Algorithm", FSRS-5).</summary>
    public const int ParameterCount = 19;

    /// <summary>
    /// Default desired retention: 0.9, the share of cards the schedule aims to have remembered when they come due.
    /// Source: py-fsrs 5 and ts-fsrs default <c>desired_retention</c>/<c>request_retention</c> = 0.9, and Anki's
    /// manual, which recommends 0.90 as the FSRS default (docs.ankiweb.net, "Deck Options", FSRS).
    /// </summary>
    public const double DefaultDesiredRetention = 0.9;

    /// <summary>Default longest interval: 36,500 days (100 years), py-fsrs 5's and ts-fsrs's <c>maximum_interval</c>.</summary>
    public const int DefaultMaximumIntervalDays = 36500;

    /// <summary>The forgetting curve's decay: −0.5, fixed in FSRS-4.5 and FSRS-5 (FSRS wiki, "The Algorithm").</summary>
    public const double Decay = -0.5;

    /// <summary>
    /// The forgetting curve's factor: 0.9^(1/<see cref="Decay"/>) − 1 = 19/81 ≈ 0.2346, chosen so that R(S, S) = 0.9
    /// (FSRS wiki, "The Algorithm"; py-fsrs <c>FACTOR</c>).
    /// </summary>
    public static readonly double Factor = Math.Pow(0.9, 1 / Decay) - 1;

    /// <summary>Smallest stability in days a formula may return (0.01; ts-fsrs <c>S_MIN</c>). Never reached with the default parameters.</summary>
    public const double MinimumStabilityDays = 0.01;

    /// <summary>Lowest difficulty (1; FSRS wiki: D ∈ [1, 10]).</summary>
    public const double MinimumDifficulty = 1;

    /// <summary>Highest difficulty (10; FSRS wiki: D ∈ [1, 10]).</summary>
    public const double MaximumDifficulty = 10;

    /// <summary>
    /// The FSRS-5 default parameters w0–w18, trained on the open-spaced-repetition review data set:
    /// 0.40255, 1.18385, 3.173, 15.69105, 7.1949, 0.5345, 1.4604, 0.0046, 1.54575, 0.1192, 1.01925, 1.9395, 0.11,
    /// 0.29605, 2.2698, 0.2315, 2.9898, 0.51655, 0.6621. Source: py-fsrs 5 <c>Scheduler</c> defaults
    /// (<c>src/fsrs/fsrs.py</c>) and ts-fsrs <c>__tests__/FSRS-5.test.ts</c>, whose published examples use them.
    /// </summary>
    public static IReadOnlyList<double> DefaultParameters { get; } =
    [
        0.40255, 1.18385, 3.173, 15.69105, 7.1949, 0.5345, 1.4604, 0.0046, 1.54575, 0.1192, 1.01925, 1.9395, 0.11,
        0.29605, 2.2698, 0.2315, 2.9898, 0.51655, 0.6621,
    ];

    /// <summary>Default learning steps: 1 minute, then 10 minutes (py-fsrs 5 defaults, which are also Anki's).</summary>
    public static IReadOnlyList<TimeSpan> DefaultLearningSteps { get; } = [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(10)];

    /// <summary>Default relearning steps: 10 minutes (py-fsrs 5 default, also Anki's).</summary>
    public static IReadOnlyList<TimeSpan> DefaultRelearningSteps { get; } = [TimeSpan.FromMinutes(10)];

    /// <summary>
    /// The scheduler for concept cards and the published examples: default parameters, retention 0.9, learning steps
    /// 1 min and 10 min, relearning step 10 min, maximum interval 36,500 days.
    /// </summary>
    public static FsrsScheduler Default { get; } = new();

    /// <summary>
    /// The scheduler for whole prompts: as <see cref="Default"/> but with no learning or relearning steps, so every
    /// review of a prompt is scheduled in days. A prompt is a 45–60 minute mock interview; doing it again ten minutes
    /// later teaches nothing (rule of thumb).
    /// </summary>
    public static FsrsScheduler ForPrompts { get; } = new(learningSteps: [], relearningSteps: []);

    private readonly double[] _w;

    /// <summary>Creates a scheduler.</summary>
    /// <param name="parameters">The 19 FSRS-5 parameters w0–w18; <see langword="null"/> for <see cref="DefaultParameters"/>.</param>
    /// <param name="desiredRetention">Target recall probability when a card comes due, in (0, 1); default <see cref="DefaultDesiredRetention"/>.</param>
    /// <param name="learningSteps">Steps (positive durations) a card walks through before its first interval in days; <see langword="null"/> for <see cref="DefaultLearningSteps"/>, empty for none.</param>
    /// <param name="relearningSteps">Steps after a lapse; <see langword="null"/> for <see cref="DefaultRelearningSteps"/>, empty for none.</param>
    /// <param name="maximumIntervalDays">Longest interval in days, at least 1; default <see cref="DefaultMaximumIntervalDays"/>.</param>
    /// <exception cref="ArgumentException">When there are not 19 finite parameters, or a step is not positive.</exception>
    /// <exception cref="ArgumentOutOfRangeException">When the retention is outside (0, 1) or the maximum interval is below 1.</exception>
    public FsrsScheduler(
        IReadOnlyList<double>? parameters = null,
        double desiredRetention = DefaultDesiredRetention,
        IReadOnlyList<TimeSpan>? learningSteps = null,
        IReadOnlyList<TimeSpan>? relearningSteps = null,
        int maximumIntervalDays = DefaultMaximumIntervalDays)
    {
        _w = [.. parameters ?? DefaultParameters];
        if (_w.Length != ParameterCount || _w.Any(w => !double.IsFinite(w)))
        {
            throw new ArgumentException($"FSRS-5 needs {ParameterCount} finite parameters (w0–w18); got {_w.Length}.", nameof(parameters));
        }

        if (!(desiredRetention is > 0 and < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(desiredRetention), desiredRetention, "Desired retention must be between 0 and 1 (exclusive), e.g. 0.9.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(maximumIntervalDays, 1);
        LearningSteps = CheckSteps(learningSteps ?? DefaultLearningSteps, nameof(learningSteps));
        RelearningSteps = CheckSteps(relearningSteps ?? DefaultRelearningSteps, nameof(relearningSteps));
        DesiredRetention = desiredRetention;
        MaximumIntervalDays = maximumIntervalDays;
    }

    /// <summary>The 19 parameters w0–w18 in use.</summary>
    public IReadOnlyList<double> Parameters => _w;

    /// <summary>Target recall probability when a card comes due, in (0, 1).</summary>
    public double DesiredRetention { get; }

    /// <summary>Learning steps, in order; empty when new cards go straight to review.</summary>
    public IReadOnlyList<TimeSpan> LearningSteps { get; }

    /// <summary>Relearning steps, in order; empty when a lapse is rescheduled in days at once.</summary>
    public IReadOnlyList<TimeSpan> RelearningSteps { get; }

    /// <summary>Longest interval in days.</summary>
    public int MaximumIntervalDays { get; }

    /// <summary>The scheduler for a kind of card: <see cref="ForPrompts"/> for prompts, <see cref="Default"/> otherwise.</summary>
    /// <param name="kind">A card kind (<see cref="CardKinds"/>).</param>
    /// <returns>The scheduler DesignDrill uses for that kind.</returns>
    public static FsrsScheduler ForKind(string kind) => kind == CardKinds.Prompt ? ForPrompts : Default;

    /// <summary>
    /// The forgetting curve: the probability of recalling a card <paramref name="elapsedDays"/> after its last review,
    /// R(t, S) = (1 + <see cref="Factor"/> · t / S)^<see cref="Decay"/>. R(0, S) = 1 and R(S, S) = 0.9.
    /// </summary>
    /// <param name="elapsedDays">Days since the last review, t ≥ 0 (negative counts as 0).</param>
    /// <param name="stabilityDays">Stability S in days, &gt; 0.</param>
    /// <returns>The retrievability, in (0, 1].</returns>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="stabilityDays"/> is not positive.</exception>
    public static double Retrievability(double elapsedDays, double stabilityDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(stabilityDays);
        return Math.Pow(1 + (Factor * Math.Max(0, elapsedDays) / stabilityDays), Decay);
    }

    /// <summary>
    /// A card's retrievability at <paramref name="now"/>, counting whole days since its last review as py-fsrs 5's
    /// <c>get_retrievability</c> does.
    /// </summary>
    /// <param name="card">The card.</param>
    /// <param name="now">The moment.</param>
    /// <returns>The probability of recall, in (0, 1].</returns>
    /// <exception cref="ArgumentNullException">When <paramref name="card"/> is null.</exception>
    public static double Retrievability(CardState card, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(card);
        return Retrievability(ElapsedWholeDays(card.LastReview, now), card.StabilityDays);
    }

    /// <summary>
    /// Reviews a card: updates its stability and difficulty from <paramref name="rating"/> and the time since its last
    /// review, moves it through the state machine, and schedules its next due date.
    /// </summary>
    /// <param name="card">The card's state after its previous review, or <see langword="null"/> for a card never reviewed.</param>
    /// <param name="kind">The card's kind (<see cref="CardKinds"/>); must match <paramref name="card"/>'s.</param>
    /// <param name="cardId">The card's id; must match <paramref name="card"/>'s.</param>
    /// <param name="rating">How well it was recalled.</param>
    /// <param name="now">The moment of the review.</param>
    /// <returns>The new state: <see cref="CardState.LastReview"/> = <paramref name="now"/>, <see cref="CardState.Due"/> = <paramref name="now"/> plus a learning step or a whole number of days.</returns>
    /// <exception cref="ArgumentException">When the kind is unknown, the id is empty, or they do not match <paramref name="card"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="rating"/> is not 1–4.</exception>
    public CardState Review(CardState? card, string kind, string cardId, Rating rating, DateTimeOffset now)
    {
        if (!CardKinds.IsKnown(kind))
        {
            throw new ArgumentException($"Unknown card kind '{kind}'; expected one of: {string.Join(", ", CardKinds.All)}.", nameof(kind));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(cardId);
        if (!Enum.IsDefined(rating))
        {
            throw new ArgumentOutOfRangeException(nameof(rating), rating, "A rating is 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy).");
        }

        if (card is not null && (card.Kind != kind || card.CardId != cardId))
        {
            throw new ArgumentException($"The card is {card.Kind} '{card.CardId}', not {kind} '{cardId}'.", nameof(card));
        }

        var (stability, difficulty) = NextMemoryState(card, rating, now);
        var state = card?.LearningState ?? LearningState.Learning;
        var step = card is null ? 0 : card.Step;
        var lapses = card?.Lapses ?? 0;
        TimeSpan interval;
        switch (state)
        {
            case LearningState.Learning:
            case LearningState.Relearning:
                var steps = state == LearningState.Learning ? LearningSteps : RelearningSteps;
                (state, step, interval) = NextStep(state, step ?? 0, steps, rating, stability);
                break;
            default:
                if (rating == Rating.Again)
                {
                    lapses++;
                    if (RelearningSteps.Count > 0)
                    {
                        (state, step, interval) = (LearningState.Relearning, 0, RelearningSteps[0]);
                        break;
                    }
                }

                (step, interval) = (null, TimeSpan.FromDays(NextIntervalDays(stability)));
                break;
        }

        return new CardState(kind, cardId, state, step, stability, difficulty, now + interval, now, (card?.Reps ?? 0) + 1, lapses);
    }

    /// <summary>
    /// The interval in whole days that brings recall down to <see cref="DesiredRetention"/>:
    /// I(r, S) = S / <see cref="Factor"/> · (r^(1/<see cref="Decay"/>) − 1), rounded half to even (as Python's
    /// <c>round</c> in py-fsrs 5), then kept within [1, <see cref="MaximumIntervalDays"/>]. At r = 0.9, I = S.
    /// </summary>
    /// <param name="stabilityDays">Stability S in days.</param>
    /// <returns>The interval in days.</returns>
    public int NextIntervalDays(double stabilityDays)
    {
        var days = stabilityDays / Factor * (Math.Pow(DesiredRetention, 1 / Decay) - 1);
        return (int)Math.Clamp(Math.Round(days, MidpointRounding.ToEven), 1, MaximumIntervalDays);
    }

    /// <summary>Initial stability after the first rating: S0(G) = w[G−1], at least <see cref="MinimumStabilityDays"/>.</summary>
    /// <param name="rating">The first rating.</param>
    /// <returns>Stability in days.</returns>
    public double InitialStability(Rating rating) => Math.Max(_w[(int)rating - 1], MinimumStabilityDays);

    /// <summary>Initial difficulty after the first rating: D0(G) = w4 − e^(w5·(G−1)) + 1, kept within [1, 10].</summary>
    /// <param name="rating">The first rating.</param>
    /// <returns>Difficulty, 1–10.</returns>
    public double InitialDifficulty(Rating rating) => ClampDifficulty(_w[4] - Math.Exp(_w[5] * ((int)rating - 1)) + 1);

    /// <summary>
    /// Difficulty after a review: ΔD = −w6·(G − 3); D' = D + ΔD·(10 − D)/9 (linear damping); D'' = w7·D0(4) +
    /// (1 − w7)·D' (mean reversion to the Easy start); kept within [1, 10].
    /// </summary>
    /// <param name="difficulty">Difficulty before the review.</param>
    /// <param name="rating">The rating.</param>
    /// <returns>Difficulty after it, 1–10.</returns>
    public double NextDifficulty(double difficulty, Rating rating)
    {
        var delta = -_w[6] * ((int)rating - 3);
        var damped = difficulty + (delta * (10 - difficulty) / 9);
        return ClampDifficulty((_w[7] * InitialDifficulty(Rating.Easy)) + ((1 - _w[7]) * damped));
    }

    /// <summary>Stability after a review less than a day after the previous one: S' = S·e^(w17·(G − 3 + w18)).</summary>
    /// <param name="stabilityDays">Stability before, in days.</param>
    /// <param name="rating">The rating.</param>
    /// <returns>Stability after, in days.</returns>
    public double ShortTermStability(double stabilityDays, Rating rating) =>
        Math.Max(stabilityDays * Math.Exp(_w[17] * ((int)rating - 3 + _w[18])), MinimumStabilityDays);

    /// <summary>
    /// Stability after a successful recall (Hard, Good, Easy) at retrievability R:
    /// S' = S·(1 + e^w8·(11 − D)·S^(−w9)·(e^(w10·(1 − R)) − 1)·w15 (if Hard)·w16 (if Easy)).
    /// </summary>
    /// <param name="difficulty">Difficulty before the review.</param>
    /// <param name="stabilityDays">Stability before, in days.</param>
    /// <param name="retrievability">Retrievability at the review, in (0, 1].</param>
    /// <param name="rating">Hard, Good or Easy.</param>
    /// <returns>Stability after, in days.</returns>
    public double NextRecallStability(double difficulty, double stabilityDays, double retrievability, Rating rating)
    {
        var hardPenalty = rating == Rating.Hard ? _w[15] : 1;
        var easyBonus = rating == Rating.Easy ? _w[16] : 1;
        return stabilityDays * (1 + (Math.Exp(_w[8]) * (11 - difficulty) * Math.Pow(stabilityDays, -_w[9])
            * (Math.Exp((1 - retrievability) * _w[10]) - 1) * hardPenalty * easyBonus));
    }

    /// <summary>
    /// Stability after forgetting (Again) at retrievability R: the smaller of the long-term
    /// w11·D^(−w12)·((S + 1)^w13 − 1)·e^(w14·(1 − R)) and the short-term bound S / e^(w17·w18), at least
    /// <see cref="MinimumStabilityDays"/>.
    /// </summary>
    /// <param name="difficulty">Difficulty before the review.</param>
    /// <param name="stabilityDays">Stability before, in days.</param>
    /// <param name="retrievability">Retrievability at the review, in (0, 1].</param>
    /// <returns>Stability after, in days.</returns>
    public double NextForgetStability(double difficulty, double stabilityDays, double retrievability)
    {
        var longTerm = _w[11] * Math.Pow(difficulty, -_w[12]) * (Math.Pow(stabilityDays + 1, _w[13]) - 1)
            * Math.Exp((1 - retrievability) * _w[14]);
        var shortTerm = stabilityDays / Math.Exp(_w[17] * _w[18]);
        return Math.Max(Math.Min(longTerm, shortTerm), MinimumStabilityDays);
    }

    /// <summary>Whole days from <paramref name="from"/> to <paramref name="to"/>, floored, never negative.</summary>
    private static long ElapsedWholeDays(DateTimeOffset from, DateTimeOffset to)
    {
        var ticks = (to - from).Ticks;
        return ticks <= 0 ? 0 : ticks / TimeSpan.TicksPerDay;
    }

    private static double ClampDifficulty(double difficulty) => Math.Clamp(difficulty, MinimumDifficulty, MaximumDifficulty);

    private static IReadOnlyList<TimeSpan> CheckSteps(IReadOnlyList<TimeSpan> steps, string name)
    {
        if (steps.Any(s => s <= TimeSpan.Zero))
        {
            throw new ArgumentException("Every learning or relearning step must be a positive duration.", name);
        }

        return [.. steps];
    }

    /// <summary>Stability and difficulty after the review: initial, short-term (under a day) or long-term.</summary>
    private (double Stability, double Difficulty) NextMemoryState(CardState? card, Rating rating, DateTimeOffset now)
    {
        if (card is null)
        {
            return (InitialStability(rating), InitialDifficulty(rating));
        }

        var elapsedDays = ElapsedWholeDays(card.LastReview, now);
        var difficulty = NextDifficulty(card.Difficulty, rating);
        if (elapsedDays < 1)
        {
            return (ShortTermStability(card.StabilityDays, rating), difficulty);
        }

        var retrievability = Retrievability(elapsedDays, card.StabilityDays);
        var stability = rating == Rating.Again
            ? NextForgetStability(card.Difficulty, card.StabilityDays, retrievability)
            : NextRecallStability(card.Difficulty, card.StabilityDays, retrievability, rating);
        return (stability, difficulty);
    }

    /// <summary>
    /// The next (re)learning step, as py-fsrs 5: Again goes back to the first step; Hard stays (on the first step it
    /// waits half-way between the first two steps, or 1.5 × the only step); Good moves on, graduating to review after
    /// the last step; Easy graduates at once. With no steps the card graduates; on a step past the end (the steps were
    /// shortened since) anything but Again graduates.
    /// </summary>
    private (LearningState State, int? Step, TimeSpan Interval) NextStep(
        LearningState state, int step, IReadOnlyList<TimeSpan> steps, Rating rating, double stability)
    {
        var graduate = (LearningState.Review, (int?)null, TimeSpan.FromDays(NextIntervalDays(stability)));
        if (steps.Count == 0 || (step >= steps.Count && rating != Rating.Again))
        {
            return graduate;
        }

        return rating switch
        {
            Rating.Again => (state, 0, steps[0]),
            Rating.Hard when step == 0 && steps.Count == 1 => (state, step, steps[0] * 1.5),
            Rating.Hard when step == 0 => (state, step, (steps[0] + steps[1]) / 2),
            Rating.Hard => (state, step, steps[step]),
            Rating.Good when step + 1 == steps.Count => graduate,
            Rating.Good => (state, step + 1, steps[step + 1]),
            _ => graduate,
        };
    }
}
