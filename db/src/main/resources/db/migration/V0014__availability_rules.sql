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

-- The store's opening hours in its local time, one span a row of the array: 'mon 10:00-23:30' (a
-- close before the open closes after midnight; equal means 24 hours). Null or empty: always open.
ALTER TABLE store
    ADD COLUMN opening_hours text[]
        CONSTRAINT store_opening_hours_check CHECK (
            cardinality(opening_hours) <= 28
            AND array_to_string(opening_hours, ',') ~ '^((mon|tue|wed|thu|fri|sat|sun) ([01][0-9]|2[0-3]):[0-5][0-9]-([01][0-9]|2[0-3]):[0-5][0-9](,|$))*$');
