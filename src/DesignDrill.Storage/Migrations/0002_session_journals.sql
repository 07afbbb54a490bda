-- DesignDrill progress database, schema version 2 (docs/progress.md, "Schema and migrations").
-- Applied by SqliteProgressStore inside one transaction, which also sets PRAGMA user_version = 2. Times are UTC text
-- 'yyyy-MM-ddTHH:mm:ss.fffffffZ', as in version 1.

-- One practice session's journal (docs/practice.md, "Journal and replay"), while it runs and after it finishes, so a
-- refresh, a closed tab or a restarted server loses nothing. journal_json is the journal in its JSON form
-- designdrill/session-journal@1 with "draft": null; the draft lives in draft_text and draft_at, so the autosave while
-- typing updates those columns (and last_activity_at) without rewriting the entries. prompt_id, started_at and
-- finished repeat what journal_json says, for listing without parsing it.
CREATE TABLE session_journals (
    id               TEXT    NOT NULL PRIMARY KEY CHECK (length(id) = 32),
    prompt_id        TEXT    NOT NULL CHECK (prompt_id <> ''),
    started_at       TEXT    NOT NULL,
    finished         INTEGER NOT NULL CHECK (finished IN (0, 1)),
    last_activity_at TEXT    NOT NULL,
    journal_json     TEXT    NOT NULL,
    draft_text       TEXT,
    draft_at         TEXT,
    CHECK ((draft_text IS NULL) = (draft_at IS NULL))
);
CREATE INDEX session_journals_by_activity ON session_journals (finished, last_activity_at DESC, id DESC);
