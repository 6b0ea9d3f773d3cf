package io.storescheduler.adapter.web.day;

import io.storescheduler.adapter.web.booking.BookingPanel;
import io.storescheduler.adapter.web.session.Flash;
import io.storescheduler.adapter.web.shared.StoreDesk;
import java.util.List;

/**
 * Everything the day's page shows: the day and its neighbours, the axis and the lanes, the side
 * lists, the message of the last action ({@code flash}, or null) and the open booking's panel
 * (or null).
 */
public record DayPage(
        StoreDesk desk,
        String dayIso,
        String dayLabel,
        String path,
        String previousPath,
        String nextPath,
        String todayPath,
        boolean dmView,
        Axis axis,
        List<Lane> lanes,
        List<SideEntry> incomplete,
        List<SideEntry> cancelled,
        Flash flash,
        BookingPanel panel) {

    public String roomsViewPath() {
        return path;
    }

    public String dmsViewPath() {
        return path + "?view=dms";
    }

    public String gridClasses() {
        return "track cols" + axis.columns();
    }
}
