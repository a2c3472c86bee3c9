-- The plans (EXPLAIN ANALYZE) of every statement a request runs on the large tables, on a
-- database the scale benchmark seeded and kept:
--
--   MUNI_ID_BENCH_KEEP=1 MUNI_ID_BENCH_POSTGRES_URL=postgres://postgres@127.0.0.1:5432/test \
--       cargo bench --bench scale -- postgres          # prints "postgres: database <name>"
--   psql -h 127.0.0.1 -U postgres -d <name> -f benches/scale_plans.sql
--
-- The statements are those tests/api/query_plans.rs records from the server (as diesel writes
-- them), with values taken from the data: one resident with a card, picked at random. Writes
-- run inside a transaction that is rolled back.

\pset pager off
\set ON_ERROR_STOP on

SELECT r.id AS rid, encode(r.blind_index, 'hex') AS bi, c.card_number AS num,
       c.status_index AS idx
  FROM residents r JOIN cards c ON c.resident_id = r.id
 WHERE r.id >= md5(random()::text)
 ORDER BY r.id LIMIT 1 \gset

\echo '== exact search and the duplicate check (blind index)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT "residents"."id" FROM "residents"
 WHERE ("residents"."blind_index" = ANY(ARRAY[decode(:'bi', 'hex'), decode(md5('x'), 'hex')]))
 ORDER BY "residents"."enrolled_at" ASC;

\echo '== a resident read'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT "residents".* FROM "residents" WHERE ("residents"."id" = :'rid') LIMIT 1;

\echo '== the photo'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT "resident_photos"."photo" FROM "resident_photos"
 WHERE ("resident_photos"."resident_id" = :'rid') LIMIT 1;

\echo '== a resident''s cards, with their delivery'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT "cards".*, "card_deliveries".* FROM ("cards" LEFT OUTER JOIN "card_deliveries"
    ON ("card_deliveries"."card_number" = "cards"."card_number"))
 WHERE ("cards"."resident_id" = :'rid')
 ORDER BY "cards"."issued_at" DESC, "cards"."status" ASC;

\echo '== a resident''s active card (issue, revoke the one before)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT "cards"."card_number" FROM "cards"
 WHERE (("cards"."resident_id" = :'rid') AND ("cards"."status" = 'active'));

\echo '== a card by its number'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT "cards".* FROM "cards" WHERE ("cards"."card_number" = :'num') LIMIT 1;

\echo '== a free status-list index (card issue)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT EXISTS (SELECT "cards"."card_number" FROM "cards"
                WHERE ("cards"."status_index" = :idx + 1));

\echo '== a site''s pick-up queue'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT "cards".*, "card_deliveries".* FROM ("cards" INNER JOIN "card_deliveries"
    ON ("card_deliveries"."card_number" = "cards"."card_number"))
 WHERE ((("card_deliveries"."pickup_site" = 'downtown')
        AND ("card_deliveries"."delivered_at" IS NULL)) AND ("cards"."status" = 'active'))
 ORDER BY ("card_deliveries"."ready_at" IS NULL) ASC, "card_deliveries"."collect_by" ASC,
          "cards"."card_number" ASC;

\echo '== the status list''s refresh (every 15 s on every instance)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT "cards"."status_index" FROM "cards"
 WHERE ("cards"."revoked_at" >= now() - interval '10 minutes 15 seconds');

\echo '== the auditor''s report: the residents past their day (then their cards and holds by id)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT "residents"."id" FROM "residents" WHERE ("residents"."destroy_after" < current_date)
 ORDER BY "residents"."destroy_after" ASC LIMIT 50001;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT "cards"."resident_id" FROM "cards" WHERE ("cards"."resident_id" = ANY(ARRAY[:'rid']));
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT "held_residents"."resident_id" FROM "held_residents"
 WHERE ("held_residents"."resident_id" = ANY(ARRAY[:'rid']));

\echo '== the auditor''s report: the print-only addresses still held (then their printed cards by id)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT "residents"."id", "residents"."address_updated_at" FROM "residents"
 WHERE ("residents"."address" IS NOT NULL);
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT "cards"."resident_id", "cards"."printed_at" FROM "cards"
 WHERE (("cards"."resident_id" = ANY(ARRAY[:'rid'])) AND ("cards"."printed_at" IS NOT NULL));

\echo '== the auditor''s report: the period''s reads per staff member, and account changes'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT "audit_log"."actor", count(*) FROM "audit_log"
 WHERE ((("audit_log"."action" = ANY(ARRAY['resident.read', 'resident.search', 'card.print']))
        AND ("audit_log"."recorded_at" >= now() - interval '30 days'))
        AND ("audit_log"."recorded_at" < now() + interval '1 day'))
 GROUP BY "audit_log"."actor";
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT "audit_log"."recorded_at", "audit_log"."actor", "audit_log"."action",
       "audit_log"."subject" FROM "audit_log"
 WHERE ((("audit_log"."action" = ANY(ARRAY['staff.create', 'staff.password_reset']))
        AND ("audit_log"."recorded_at" >= now() - interval '30 days'))
        AND ("audit_log"."recorded_at" < now() + interval '1 day'))
 ORDER BY "audit_log"."seq" ASC;

\echo '== the auditor''s report: the audit entries past their 2,555 days, and the oldest'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT COUNT(*) FROM "audit_log" WHERE ("audit_log"."recorded_at" < current_date - 2555);
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT min("audit_log"."recorded_at") FROM "audit_log";

\echo '== the auditor''s report: the chain from where the last walk of it reached (a page)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT "audit_log".* FROM "audit_log"
 WHERE ("audit_log"."seq" > (SELECT "seq" - 100 FROM "audit_head" WHERE "id" = 1))
 ORDER BY "audit_log"."seq" ASC LIMIT 5000;

BEGIN;
\echo '== print, revoke, a change of the record, the audit log''s append (rolled back)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
UPDATE "cards" SET "printed_at" = now(), "printed_site" = NULL
 WHERE ("cards"."card_number" = :'num');
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
UPDATE "cards" SET "status" = 'revoked', "revoked_at" = now(), "revoke_reason" = 'lost'
 WHERE (("cards"."card_number" = :'num') AND ("cards"."status" = 'active'));
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
UPDATE "residents" SET "destroy_after" = current_date + 2000 WHERE ("residents"."id" = :'rid');
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
UPDATE "audit_head" SET "seq" = ("audit_head"."seq" + 1) WHERE ("audit_head"."id" = 1);
ROLLBACK;
