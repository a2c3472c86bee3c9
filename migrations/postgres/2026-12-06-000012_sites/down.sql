ALTER TABLE cards DROP COLUMN printed_site;
ALTER TABLE cards DROP COLUMN issued_site;
ALTER TABLE residents DROP COLUMN enrolled_site;
ALTER TABLE sessions DROP COLUMN site;
DROP TABLE staff_sites;
DROP TABLE sites;
