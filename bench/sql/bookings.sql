-- Bookings for the benchmark, written straight into the migrated schema: for each store, the
-- bookings numbered k in [k_from, k_to), 200 a day. Booking k of a store falls on day
-- floor(k / 200) after base_day, in one of four rounds (10:00, 13:30, 17:00, 20:30 local, up to
-- 30 minutes late) in room k % 50, with a DM that changes per round and day: games of 150..210
-- minutes, so a minority overlap the next round in their room or with their DM, and the
-- conflict queries have real work. k >= 0 is the coming fortnight (mostly scheduled, a few
-- incomplete or cancelled); k < 0 is history (completed, a few cancelled). Every booking has its
-- script's full party, each client matched to a character, and its DM on the DM character;
-- bookings past incomplete sit in the slot of their start.
-- psql variables: stores, k_from, k_to, id_base (booking ids are id_base + 1 ..), base_day.
\set ON_ERROR_STOP on
BEGIN;

CREATE TEMP TABLE gen ON COMMIT DROP AS
WITH numbered AS (
    SELECT s AS store_id, k::bigint AS k,
           :id_base + (s - 1) * (:k_to - :k_from) + (k - :k_from) + 1 AS id,
           ((k % 200) + 200) % 200 AS p,
           ((k % 10) + 10) % 10 + 1 AS t,
           ((k * 31) % 100 + 100) % 100 AS h
    FROM generate_series(1, :stores) AS s, generate_series(:k_from, :k_to - 1) AS k
), placed AS (
    SELECT numbered.*, (k - p) / 200 AS day, p / 50 AS round,
           (((k * 13) % 3 + 3) % 3) * 15 AS late_minutes
    FROM numbered
)
SELECT id, store_id, k,
       (store_id - 1) * 10 + t AS script_id,
       4 + t % 3 AS players,
       ((:'base_day'::date + day::int)::timestamp + make_interval(mins => (600 + round * 210 + late_minutes)::int))
           AT TIME ZONE (CASE WHEN store_id = 1 THEN 'Asia/Shanghai' ELSE 'Europe/Berlin' END) AS start_at,
       150 + 30 * (t % 3) AS duration_minutes,
       (store_id - 1) * 50 + p % 50 + 1 AS room_id,
       (store_id - 1) * 50 + ((p + round * 11 + day * 7) % 50 + 50) % 50 + 1 AS dm_id,
       CASE WHEN k >= 0 THEN CASE WHEN h < 3 THEN 'incomplete' WHEN h < 6 THEN 'cancelled' ELSE 'scheduled' END
            ELSE CASE WHEN h < 5 THEN 'cancelled' ELSE 'completed' END END AS status
FROM placed;

INSERT INTO slot (store_id, start_at)
SELECT DISTINCT store_id, start_at FROM gen WHERE status <> 'incomplete'
ON CONFLICT (store_id, start_at) DO NOTHING;

INSERT INTO booking (id, store_id, script_id, room_id, slot_id, status, start_at, end_at, version, created_at, updated_at)
SELECT gen.id, gen.store_id, gen.script_id,
       CASE WHEN gen.status = 'incomplete' THEN NULL ELSE gen.room_id END,
       CASE WHEN gen.status = 'incomplete' THEN NULL ELSE slot.id END,
       gen.status, gen.start_at, gen.start_at + make_interval(mins => gen.duration_minutes),
       CASE gen.status WHEN 'incomplete' THEN 12 WHEN 'scheduled' THEN 15 ELSE 16 END,
       gen.start_at - interval '7 days', gen.start_at - interval '7 days'
FROM gen LEFT JOIN slot ON slot.store_id = gen.store_id AND slot.start_at = gen.start_at
ORDER BY gen.id;

CREATE TEMP TABLE party ON COMMIT DROP AS
SELECT gen.store_id, gen.id AS booking_id, j,
       (gen.script_id - 1) * 8 + j + 1 AS character_id,
       (gen.store_id - 1) * 5000 + (((gen.k * 7 + j * 1009) % 5000) + 5000) % 5000 + 1 AS client_id
FROM gen, generate_series(0, 5) AS j
WHERE j < gen.players;

INSERT INTO booking_client (store_id, booking_id, client_id)
SELECT store_id, booking_id, client_id FROM party ORDER BY booking_id, j;

INSERT INTO character_client_match (store_id, booking_id, character_id, client_id)
SELECT store_id, booking_id, character_id, client_id FROM party ORDER BY booking_id, j;

INSERT INTO character_dm_match (store_id, booking_id, character_id, dm_id)
SELECT store_id, id, (script_id - 1) * 8 + 8, dm_id FROM gen ORDER BY id;

SELECT setval(pg_get_serial_sequence('booking', 'id'), (SELECT max(id) FROM booking));
COMMIT;
