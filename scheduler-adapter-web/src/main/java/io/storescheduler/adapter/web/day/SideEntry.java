package io.storescheduler.adapter.web.day;

/** A booking of the day listed beside the board: an incomplete one, or a cancelled one. */
public record SideEntry(long bookingId, String status, String time, String title, String href, String panelPath) {}
