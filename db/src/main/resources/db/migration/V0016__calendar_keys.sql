-- The key of each room's and each DM's calendar feed, by which calendar apps subscribe without a
-- bearer token. Only the SHA-256 of a key is kept; making a new key overwrites the row, so the
-- previous key stops working in the same commit. A row is a room's or a DM's, never both: the
-- composite foreign keys keep it inside its store.
CREATE TABLE calendar_key (
    store_id   bigint      NOT NULL,
    room_id    bigint,
    dm_id      bigint,
    key_hash   bytea       NOT NULL CHECK (octet_length(key_hash) = 32),
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT calendar_key_one_owner CHECK ((room_id IS NULL) <> (dm_id IS NULL)),
    FOREIGN KEY (store_id, room_id) REFERENCES room (store_id, id),
    FOREIGN KEY (store_id, dm_id) REFERENCES dm (store_id, id)
);

CREATE UNIQUE INDEX calendar_key_room_key ON calendar_key (store_id, room_id) WHERE room_id IS NOT NULL;
CREATE UNIQUE INDEX calendar_key_dm_key ON calendar_key (store_id, dm_id) WHERE dm_id IS NOT NULL;
