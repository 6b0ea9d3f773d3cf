package io.storescheduler.adapter.web.booking;

import java.util.List;

/**
 * A booking's panel: what it is (script, time, room, status, party with each client's character,
 * DMs, note, conflicts in words), and the paths its actions post to. {@code version} goes with
 * every action as its {@code If-Match}.
 */
public record BookingPanel(
        long bookingId,
        String status,
        String statusText,
        String title,
        String date,
        String time,
        String startTime,
        String roomName,
        long version,
        String note,
        List<PartyLine> party,
        List<String> dms,
        boolean conflict,
        String conflictText,
        String closePath,
        String actionPath) {

    /** A client of the party, and the character the client plays (empty while unmatched). */
    public record PartyLine(long clientId, String clientName, String characterName) {}

    public BookingPanel {
        party = List.copyOf(party);
        dms = List.copyOf(dms);
    }

    public String ifMatch() {
        return "\"" + version + "\"";
    }
}
