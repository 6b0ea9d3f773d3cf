-- The catalogue the benchmark's bookings refer to, written straight into the migrated schema with
-- explicit ids so that bookings.sql can compute every reference. Per store: 50 rooms, 10 scripts
-- (4, 5 or 6 players and one DM character each), 5,000 clients, 50 DMs. Store 1 is the measured
-- store; the others only make the tables as large as a multi-store service's.
-- psql variables: stores.
\set ON_ERROR_STOP on
BEGIN;

INSERT INTO store (id, name, timezone)
SELECT s, 'Bench store ' || s, CASE WHEN s = 1 THEN 'Asia/Shanghai' ELSE 'Europe/Berlin' END
FROM generate_series(1, :stores) AS s;

-- the row each store's schedule lock takes, as the service makes it with the store
INSERT INTO store_schedule_lock (store_id) SELECT s FROM generate_series(1, :stores) AS s;

-- name_key is NameKey.of(name), which for these ASCII names is the lower case
INSERT INTO room (id, store_id, name, name_key, capacity, active)
SELECT (s - 1) * 50 + r, s, 'Room ' || r, 'room ' || r, 6 + (r % 3) * 2, true
FROM generate_series(1, :stores) AS s, generate_series(1, 50) AS r;

-- script t of a store: 4 + t % 3 players, 150 + 30 * (t % 3) minutes
INSERT INTO script (id, store_id, name, duration_minutes)
SELECT (s - 1) * 10 + t, s, 'Script ' || t, 150 + 30 * (t % 3)
FROM generate_series(1, :stores) AS s, generate_series(1, 10) AS t;

-- character ids: (script_id - 1) * 8 + i, the players i = 1..players, the DM character i = 8
INSERT INTO script_character (id, store_id, script_id, name, is_dm)
SELECT (script.id - 1) * 8 + i, script.store_id, script.id, 'Character ' || i, false
FROM script, generate_series(1, 6) AS i
WHERE i <= 4 + ((script.id - 1) % 10 + 1) % 3;
INSERT INTO script_character (id, store_id, script_id, name, is_dm)
SELECT (script.id - 1) * 8 + 8, script.store_id, script.id, 'Game master', true
FROM script;

INSERT INTO client (id, store_id, name, phone)
SELECT (s - 1) * 5000 + c, s, 'Client ' || c, '139' || lpad(((s - 1) * 5000 + c)::text, 8, '0')
FROM generate_series(1, :stores) AS s, generate_series(1, 5000) AS c;

INSERT INTO dm (id, store_id, name, active)
SELECT (s - 1) * 50 + d, s, 'DM ' || d, true
FROM generate_series(1, :stores) AS s, generate_series(1, 50) AS d;

SELECT setval(pg_get_serial_sequence('store', 'id'), (SELECT max(id) FROM store));
SELECT setval(pg_get_serial_sequence('room', 'id'), (SELECT max(id) FROM room));
SELECT setval(pg_get_serial_sequence('script', 'id'), (SELECT max(id) FROM script));
SELECT setval(pg_get_serial_sequence('script_character', 'id'), (SELECT max(id) FROM script_character));
SELECT setval(pg_get_serial_sequence('client', 'id'), (SELECT max(id) FROM client));
SELECT setval(pg_get_serial_sequence('dm', 'id'), (SELECT max(id) FROM dm));
COMMIT;
