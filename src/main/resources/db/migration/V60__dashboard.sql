-- The supervision workspace's figures.
-- Open matters (closed_at IS NULL) of a township: overdue now and due today per village (completed ones skipped), and
-- the months that still have an open matter, all read from the index alone.
CREATE INDEX idx_matter_open_due ON matter (township_code, closed_at, completed_at, due_at, village_code, accepted_at);

-- Timeline events by kind (urges, extensions, pauses) without reading every step of every matter.
CREATE INDEX idx_matter_event_kind ON matter_event (kind, occurred_at);

-- A month's counts per village, kept once the month is settled: over and no matter of it is still open, so its
-- matters can no longer change. The current month and any month with an open matter are counted live.
CREATE TABLE matter_month_figure (
    village_code   VARCHAR(16) NOT NULL REFERENCES village (code),
    period_month   CHAR(7)     NOT NULL,
    township_code  VARCHAR(16) NOT NULL REFERENCES township (code),
    accepted       INTEGER     NOT NULL,
    withdrawn      INTEGER     NOT NULL,
    completed      INTEGER     NOT NULL,
    on_time        INTEGER     NOT NULL,
    closed         INTEGER     NOT NULL,
    rated          INTEGER     NOT NULL,
    satisfied      INTEGER     NOT NULL,
    counted_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (village_code, period_month)
);

CREATE INDEX idx_matter_month_figure_township ON matter_month_figure (township_code, period_month);
