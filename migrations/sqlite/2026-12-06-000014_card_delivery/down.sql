ALTER TABLE purge_runs DROP COLUMN cards_uncollected;
DROP TABLE card_deliveries;
