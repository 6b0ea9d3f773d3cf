-- A draft called off before it had a script is cancelled as it is. The specification lets any
-- incomplete booking be cancelled, and a cancelled booking is never filled in afterwards, so it
-- may lack its script just as a draft may. Scheduled and completed bookings still always have one.
ALTER TABLE booking DROP CONSTRAINT booking_state_check;
ALTER TABLE booking ADD CONSTRAINT booking_state_check CHECK (
    status IN ('incomplete', 'scheduled', 'cancelled', 'completed')
    AND (script_id IS NOT NULL OR status IN ('incomplete', 'cancelled'))
);
