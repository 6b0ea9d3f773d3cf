-- A slot's bookings are looked up by the slot: to show its booking_ids, to refuse moving or
-- deleting a slot that holds bookings, to filter the bookings list by slot_id, and by the foreign
-- key check when a slot is deleted. Without this index each is a scan of the store's history.
CREATE INDEX booking_slot_idx ON booking (store_id, slot_id) WHERE slot_id IS NOT NULL;
