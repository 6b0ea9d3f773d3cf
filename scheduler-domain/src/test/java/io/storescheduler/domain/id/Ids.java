package io.storescheduler.domain.id;

import java.util.Arrays;
import java.util.List;
import java.util.function.LongFunction;

/**
 * Typed ids from bare numbers, so a test reads {@code clientId(21)} rather than {@code new
 * ClientId(21)}; the plural forms keep the numbers' order, as a violation's list would.
 */
public final class Ids {

    private Ids() {}

    public static StoreId storeId(long value) {
        return new StoreId(value);
    }

    public static BookingId bookingId(long value) {
        return new BookingId(value);
    }

    public static ClientId clientId(long value) {
        return new ClientId(value);
    }

    public static CharacterId characterId(long value) {
        return new CharacterId(value);
    }

    public static DmId dmId(long value) {
        return new DmId(value);
    }

    public static RoomId roomId(long value) {
        return new RoomId(value);
    }

    public static ScriptId scriptId(long value) {
        return new ScriptId(value);
    }

    public static SlotId slotId(long value) {
        return new SlotId(value);
    }

    public static MatchId matchId(long value) {
        return new MatchId(value);
    }

    public static List<BookingId> bookingIds(long... values) {
        return each(values, BookingId::new);
    }

    public static List<ClientId> clientIds(long... values) {
        return each(values, ClientId::new);
    }

    public static List<CharacterId> characterIds(long... values) {
        return each(values, CharacterId::new);
    }

    public static List<DmId> dmIds(long... values) {
        return each(values, DmId::new);
    }

    public static List<RoomId> roomIds(long... values) {
        return each(values, RoomId::new);
    }

    public static List<MatchId> matchIds(long... values) {
        return each(values, MatchId::new);
    }

    private static <T> List<T> each(long[] values, LongFunction<T> id) {
        return Arrays.stream(values).mapToObj(id).toList();
    }
}
