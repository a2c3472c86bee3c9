-- A minor who applied with a caretaker: the class of relationship only (parent,
-- legal_guardian, other_caretaker), recorded when the clerk checked the caretaker's identity.
-- No name, no link to another resident.
ALTER TABLE residents ADD COLUMN caretaker TEXT;
-- The program's counts for the council, by day and site: applications by age band, denials by
-- reason, cards issued by reason, fees paid or waived by category, languages asked for. Counts
-- only: no resident, card or staff id, no time of day. `site` is '' where no site is recorded.
CREATE TABLE program_counts (
    day DATE NOT NULL,
    site TEXT NOT NULL DEFAULT '',
    metric TEXT NOT NULL,
    category TEXT NOT NULL,
    count BIGINT NOT NULL,
    PRIMARY KEY (day, site, metric, category)
);
