-- DesignDrill progress database, schema version 1 (docs/progress.md, "Schema and migrations").
-- Applied by SqliteProgressStore inside one transaction, which also sets PRAGMA user_version = 1 and the
-- application id. Times are UTC text 'yyyy-MM-ddTHH:mm:ss.fffffffZ': fixed width, so text order is time order.

-- One finished practice session. design_text is the candidate's final document, kept exactly as written;
-- details_json is opaque JSON from the practice engine (timeline, follow-ups), stored as-is.
CREATE TABLE sessions (
    id              TEXT    NOT NULL PRIMARY KEY CHECK (length(id) = 32),
    prompt_id       TEXT    NOT NULL CHECK (prompt_id <> ''),
    started_at      TEXT    NOT NULL,
    finished_at     TEXT    NOT NULL,
    planned_minutes INTEGER NOT NULL CHECK (planned_minutes IN (45, 60)),
    average_score   REAL    NOT NULL CHECK (average_score BETWEEN 1 AND 4),
    recommendation  TEXT    NOT NULL,
    design_text     TEXT    NOT NULL,
    details_json    TEXT    NOT NULL
);
CREATE INDEX sessions_by_finish ON sessions (finished_at DESC, id DESC);
CREATE INDEX sessions_by_prompt ON sessions (prompt_id, finished_at DESC, id DESC);

-- A session's rubric score per dimension; a dimension not scored has no row.
-- dimension is the RubricDimension name (e.g. 'Reliability'), so reordering the enum changes nothing here.
CREATE TABLE session_scores (
    session_id TEXT    NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    dimension  TEXT    NOT NULL,
    score      INTEGER NOT NULL CHECK (score BETWEEN 1 AND 4),
    PRIMARY KEY (session_id, dimension)
);

-- One spaced-repetition card's FSRS-5 memory state after its latest review.
CREATE TABLE cards (
    kind           TEXT    NOT NULL CHECK (kind IN ('prompt', 'concept')),
    card_id        TEXT    NOT NULL CHECK (card_id <> ''),
    state          TEXT    NOT NULL CHECK (state IN ('Learning', 'Review', 'Relearning')),
    step           INTEGER CHECK (step >= 0),
    stability_days REAL    NOT NULL CHECK (stability_days > 0),
    difficulty     REAL    NOT NULL CHECK (difficulty BETWEEN 1 AND 10),
    due            TEXT    NOT NULL,
    last_review    TEXT    NOT NULL,
    reps           INTEGER NOT NULL CHECK (reps >= 0),
    lapses         INTEGER NOT NULL CHECK (lapses >= 0),
    PRIMARY KEY (kind, card_id)
);
CREATE INDEX cards_by_due ON cards (due, kind, card_id);

-- Every review of a card, appended; rating is 1 Again, 2 Hard, 3 Good, 4 Easy; due is the card's due date after it.
CREATE TABLE review_log (
    id          INTEGER NOT NULL PRIMARY KEY,
    kind        TEXT    NOT NULL CHECK (kind IN ('prompt', 'concept')),
    card_id     TEXT    NOT NULL CHECK (card_id <> ''),
    rating      INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),
    reviewed_at TEXT    NOT NULL,
    due         TEXT    NOT NULL
);
CREATE INDEX review_log_by_card ON review_log (kind, card_id, reviewed_at, id);
