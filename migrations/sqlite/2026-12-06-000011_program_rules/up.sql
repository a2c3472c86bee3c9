-- The program's counts for the council, by month and site: applications by age band, denials
-- by reason, cards issued by reason, fees paid or waived by category, languages asked for.
-- Counts only: no resident, card or staff id, and no day or time (a count by day could be
-- matched with the day a card was issued). `month` is the month's first day; `site` is ''
-- where no site is recorded.
CREATE TABLE program_counts (
    month DATE NOT NULL,
    site TEXT NOT NULL DEFAULT '',
    metric TEXT NOT NULL,
    category TEXT NOT NULL,
    count BIGINT NOT NULL,
    PRIMARY KEY (month, site, metric, category)
);
