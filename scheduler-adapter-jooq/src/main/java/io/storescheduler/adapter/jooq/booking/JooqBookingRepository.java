package io.storescheduler.adapter.jooq.booking;

import static io.storescheduler.adapter.jooq.booking.BookingRows.byId;
import static io.storescheduler.adapter.jooq.schema.Tables.BOOKING;
import static io.storescheduler.adapter.jooq.schema.Tables.BOOKING_CLIENT;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.param;
import static org.jooq.impl.DSL.selectOne;

import io.storescheduler.adapter.jooq.shared.Pages;
import io.storescheduler.adapter.jooq.shared.RenderedQuery;
import io.storescheduler.application.booking.BookingFilter;
import io.storescheduler.application.booking.BookingReader;
import io.storescheduler.application.booking.BookingRepository;
import io.storescheduler.application.booking.BookingView;
import io.storescheduler.application.shared.Page;
import io.storescheduler.application.shared.PageRequest;
import io.storescheduler.domain.booking.Booking;
import io.storescheduler.domain.booking.BookingStatus;
import io.storescheduler.domain.id.BookingId;
import io.storescheduler.domain.id.CharacterId;
import io.storescheduler.domain.id.ClientId;
import io.storescheduler.domain.id.DmId;
import io.storescheduler.domain.id.MatchId;
import io.storescheduler.domain.id.StoreId;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record2;
import org.jooq.Record;
import org.jooq.Records;
import org.jooq.SelectConditionStep;
import org.jooq.Table;

/**
 * Bookings with their party and matches. A booking is read in one query, as {@link BookingRows}
 * shapes it, and for an answer its conflicts beside it, their count and smallest ids from a
 * LATERAL aggregate. The party and the matches are written by {@link PartyAndMatchWrites}.
 */
public final class JooqBookingRepository implements BookingRepository, BookingReader {

    /** The conflicts of the outer query's {@code BOOKING} row, by the rule {@link JooqConflictFinder} keeps. */
    private static final Table<Record2<Integer, Long[]>> CONFLICTS = JooqConflictFinder.conflictsOfRow(BOOKING);

    private static final String STORE_ID = "store_id";
    private static final String BOOKING_ID = "booking_id";

    private final DSLContext dsl;
    private final PartyAndMatchWrites partyAndMatches;
    /** What a {@code GET} of one booking runs, the most frequent read: rendered once. */
    private final RenderedQuery withConflicts;

    public JooqBookingRepository(DSLContext dsl) {
        this.dsl = dsl;
        this.partyAndMatches = new PartyAndMatchWrites(dsl);
        this.withConflicts = RenderedQuery.of(dsl, BookingRows.selectBooking(dsl)
                .select(CONFLICTS.fields())
                .from(BOOKING)
                .crossJoin(CONFLICTS)
                .where(BOOKING.STORE_ID.eq(param(STORE_ID, BOOKING.STORE_ID.getDataType())),
                        BOOKING.ID.eq(param(BOOKING_ID, BOOKING.ID.getDataType()))));
    }

    @Override
    public Inserted insert(NewBooking booking) {
        return dsl.insertInto(BOOKING)
                .set(BOOKING.STORE_ID, booking.storeId())
                .set(BOOKING.STATUS, BookingStatus.INCOMPLETE.code())
                .set(BOOKING.START_AT, booking.startAt())
                .set(BOOKING.END_AT, booking.endAt())
                .set(BOOKING.SCRIPT_ID, booking.scriptId())
                .set(BOOKING.ROOM_ID, booking.roomId())
                .set(BOOKING.NOTE, booking.note())
                .set(BOOKING.CREATED_AT, booking.now())
                .set(BOOKING.UPDATED_AT, booking.now())
                .returningResult(BOOKING.ID, BOOKING.VERSION, BOOKING.CREATED_AT, BOOKING.UPDATED_AT)
                .fetchSingle(Records.mapping(Inserted::new));
    }

    @Override
    public Optional<Booking> find(StoreId storeId, BookingId bookingId) {
        return selectBookings(byId(storeId, bookingId)).fetchOptional(BookingRows::toBooking);
    }

    @Override
    public Optional<BookingView> findWithConflicts(StoreId storeId, BookingId bookingId) {
        return withConflicts.with(dsl, Map.of(STORE_ID, storeId, BOOKING_ID, bookingId))
                .fetchOptional(record -> new BookingView(BookingRows.toBooking(record), JooqConflictFinder.report(record, CONFLICTS)));
    }

    @Override
    public Page<Booking> list(StoreId storeId, BookingFilter filter, PageRequest page) {
        var condition = matching(storeId, filter);
        var items = selectBookings(condition).orderBy(BOOKING.START_AT, BOOKING.ID)
                .limit(page.limit()).offset(page.offset())
                .fetch(BookingRows::toBooking);
        return Pages.of(dsl, BOOKING, condition, page, items);
    }

    private SelectConditionStep<Record> selectBookings(Condition condition) {
        return BookingRows.selectBooking(dsl).from(BOOKING).where(condition);
    }

    private static Condition matching(StoreId storeId, BookingFilter filter) {
        var condition = BOOKING.STORE_ID.eq(storeId);
        if (!filter.statuses().isEmpty()) {
            condition = condition.and(BOOKING.STATUS.in(filter.statuses().stream().map(BookingStatus::code).toList()));
        }
        if (filter.from() != null) {
            condition = condition.and(BOOKING.START_AT.ge(filter.from()));
        }
        if (filter.to() != null) {
            condition = condition.and(BOOKING.START_AT.lt(filter.to()));
        }
        if (filter.roomId() != null) {
            condition = condition.and(BOOKING.ROOM_ID.eq(filter.roomId()));
        }
        if (filter.slotId() != null) {
            condition = condition.and(BOOKING.SLOT_ID.eq(filter.slotId()));
        }
        if (filter.clientId() != null) {
            condition = condition.and(exists(selectOne().from(BOOKING_CLIENT).where(BOOKING_CLIENT.STORE_ID.eq(BOOKING.STORE_ID),
                    BOOKING_CLIENT.BOOKING_ID.eq(BOOKING.ID), BOOKING_CLIENT.CLIENT_ID.eq(filter.clientId()))));
        }
        return condition;
    }

    /**
     * Locks the booking's row in a statement of its own, and only then reads the booking with its
     * party and matches. One {@code SELECT ... FOR UPDATE} with the children nested would not do:
     * when it waits for another writer of the row, READ COMMITTED re-reads the locked row once that
     * writer commits, but the nested sub-selects keep the snapshot the statement started with, so a
     * confirm queued behind a party edit would judge the party as it was before the edit. The read
     * after the lock starts a new snapshot, which holds every change committed before the lock was
     * granted. {@code FOR NO KEY UPDATE}: no booking write changes the key, and the foreign-key
     * checks of this transaction's own party and match rows need not wait on it.
     */
    @Override
    public Optional<Booking> findForUpdate(StoreId storeId, BookingId bookingId) {
        var locked = dsl.selectOne().from(BOOKING).where(byId(storeId, bookingId)).forNoKeyUpdate().fetchOptional();
        return locked.isPresent() ? find(storeId, bookingId) : Optional.empty();
    }

    @Override
    public void update(Booking booking, Instant now) {
        dsl.update(BOOKING)
                .set(BOOKING.STATUS, booking.status().code())
                .set(BOOKING.START_AT, booking.startAt())
                .set(BOOKING.END_AT, booking.endAt())
                .set(BOOKING.SCRIPT_ID, booking.scriptId())
                .set(BOOKING.ROOM_ID, booking.roomId())
                .set(BOOKING.SLOT_ID, booking.slotId())
                .set(BOOKING.NOTE, booking.note())
                .set(BOOKING.VERSION, BOOKING.VERSION.plus(1))
                .set(BOOKING.UPDATED_AT, now)
                .where(byId(booking.storeId(), booking.id()))
                .execute();
    }

    @Override
    public boolean addClient(StoreId storeId, BookingId bookingId, ClientId clientId) {
        return partyAndMatches.addClient(storeId, bookingId, clientId);
    }

    @Override
    public boolean removeClient(StoreId storeId, BookingId bookingId, ClientId clientId) {
        return partyAndMatches.removeClient(storeId, bookingId, clientId);
    }

    @Override
    public MatchId addClientMatch(StoreId storeId, BookingId bookingId, CharacterId characterId, ClientId clientId) {
        return partyAndMatches.addClientMatch(storeId, bookingId, characterId, clientId);
    }

    @Override
    public void updateClientMatch(StoreId storeId, BookingId bookingId, MatchId matchId, CharacterId characterId, ClientId clientId) {
        partyAndMatches.updateClientMatch(storeId, bookingId, matchId, characterId, clientId);
    }

    @Override
    public void removeClientMatch(StoreId storeId, BookingId bookingId, MatchId matchId) {
        partyAndMatches.removeClientMatch(storeId, bookingId, matchId);
    }

    @Override
    public MatchId addDmMatch(StoreId storeId, BookingId bookingId, CharacterId characterId, DmId dmId) {
        return partyAndMatches.addDmMatch(storeId, bookingId, characterId, dmId);
    }

    @Override
    public void updateDmMatch(StoreId storeId, BookingId bookingId, MatchId matchId, CharacterId characterId, DmId dmId) {
        partyAndMatches.updateDmMatch(storeId, bookingId, matchId, characterId, dmId);
    }

    @Override
    public void removeDmMatch(StoreId storeId, BookingId bookingId, MatchId matchId) {
        partyAndMatches.removeDmMatch(storeId, bookingId, matchId);
    }

    @Override
    public void dropCharacterMatches(StoreId storeId, BookingId bookingId) {
        partyAndMatches.dropCharacterMatches(storeId, bookingId);
    }
}
