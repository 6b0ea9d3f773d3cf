-- The store rules availability needs. Every default keeps existing rows behaving as before: a
-- room with no turnaround is occupied only while its game runs, a DM with script_ids null hosts
-- every script, and a store without opening hours is always open.

-- The time a room needs to be reset after a game; a scheduled booking occupies its room during
-- [start_at, end_at + turnaround_minutes). Bounded so that the overlap scan stays a bounded range.
ALTER TABLE room
    ADD COLUMN turnaround_minutes integer NOT NULL DEFAULT 0
        CONSTRAINT room_turnaround_minutes_check CHECK (turnaround_minutes BETWEEN 0 AND 240);

-- The scripts a DM can host; null means every script. The application checks that each id is a
-- script of the DM's store (scripts are never deleted, so an id once valid stays valid).
ALTER TABLE dm
    ADD COLUMN script_ids bigint[]
        CONSTRAINT dm_script_ids_check CHECK (array_position(script_ids, NULL) IS NULL AND cardinality(script_ids) <= 1000);

-- Per weekday ("mon".."sun") a list of {"open": "HH:MM", "close": "HH:MM"} in the store's local
-- time, validated by the application; null means always open.
ALTER TABLE store
    ADD COLUMN opening_hours jsonb
        CONSTRAINT store_opening_hours_check CHECK (opening_hours IS NULL OR jsonb_typeof(opening_hours) = 'object');
