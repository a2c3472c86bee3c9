-- How a card reaches its resident: handed over at the counter when printed, mailed, or picked
-- up later at a site (a confidential card is never mailed). A pick-up card is ready once it is at
-- its site (printed there, or marked arrived), and is collected by a day; one left
-- uncollected is revoked and its resident's data destroyed. Kept beside the card, not in it:
-- a card's tombstone deletes its row here.
CREATE TABLE card_deliveries (
    card_number TEXT PRIMARY KEY NOT NULL REFERENCES cards (card_number) ON DELETE CASCADE,
    method TEXT NOT NULL,
    pickup_site TEXT,
    ready_at TIMESTAMP,
    delivered_at TIMESTAMP,
    collect_by DATE
);
CREATE INDEX card_deliveries_pickup_site ON card_deliveries (pickup_site) WHERE pickup_site IS NOT NULL;
CREATE INDEX card_deliveries_collect_by ON card_deliveries (collect_by) WHERE collect_by IS NOT NULL;
-- What each purge revoked for not being collected.
ALTER TABLE purge_runs ADD COLUMN cards_uncollected BIGINT NOT NULL DEFAULT 0;
-- The cards issued before: handed over at the counter, when printed (the day only, as a
-- delivered card keeps).
INSERT INTO card_deliveries (card_number, method, delivered_at)
    SELECT card_number, 'counter', date(printed_at) || ' 00:00:00' FROM cards
    WHERE resident_id IS NOT NULL;
