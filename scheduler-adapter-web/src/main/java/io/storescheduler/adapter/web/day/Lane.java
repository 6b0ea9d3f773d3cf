package io.storescheduler.adapter.web.day;

import java.util.List;

/**
 * A row of the day: a room (or a DM in the DM view) with its bookings. {@code newBookingPath}
 * opens the form for a new booking in the room (null in the DM view); {@code laneKey} tells the
 * board's script which room a click on the lane's free space is in.
 */
public record Lane(String name, String detail, String laneKey, String newBookingPath, List<Block> blocks) {

    public Lane {
        blocks = List.copyOf(blocks);
    }
}
