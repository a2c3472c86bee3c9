-- Sites: enrollment centres, library branches and pop-up events. `code` is the admin's short
-- name for the site (what the council's report shows); a site is open from `opens_on` to
-- `closes_on` (inclusive; none for a permanent site) unless an admin closed it (`closed_at`),
-- after which nothing more is recorded there.
CREATE TABLE sites (
    code TEXT PRIMARY KEY NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    opens_on DATE NOT NULL,
    closes_on DATE,
    closed_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL
);
-- The sites a staff member works at (none: any open site).
CREATE TABLE staff_sites (
    staff_id TEXT NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
    site TEXT NOT NULL REFERENCES sites (code),
    PRIMARY KEY (staff_id, site)
);
-- The site a session works at, and where each record was made: the enrollment, the card's
-- issue and its print. Site codes only, cleared with the record they belong to.
ALTER TABLE sessions ADD COLUMN site TEXT;
ALTER TABLE residents ADD COLUMN enrolled_site TEXT;
ALTER TABLE cards ADD COLUMN issued_site TEXT;
ALTER TABLE cards ADD COLUMN printed_site TEXT;
