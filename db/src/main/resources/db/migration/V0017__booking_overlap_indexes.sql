-- The overlap queries find the scheduled games around an interval by range overlap on GiST
-- indexes instead of a range of start times wide enough for the longest game: they read only the
-- games that overlap, however long a game may last. btree_gist lets a GiST index hold the store's
-- and the room's ids beside the range; it ships with PostgreSQL's contrib modules and is a trusted
-- extension (the database owner may create it).
--
-- The range is [start_at, end_at). A legacy row whose end is before its start (booking_times_check
-- is NOT VALID) gets an empty range, which overlaps nothing, rather than failing the index: the
-- queries spell the expression exactly the same way.
CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE INDEX booking_scheduled_during_idx ON booking
    USING gist (store_id, tstzrange(start_at, greatest(start_at, end_at)))
    WHERE status = 'scheduled';

CREATE INDEX booking_room_scheduled_during_idx ON booking
    USING gist (store_id, room_id, tstzrange(start_at, greatest(start_at, end_at)))
    WHERE status = 'scheduled' AND room_id IS NOT NULL;
