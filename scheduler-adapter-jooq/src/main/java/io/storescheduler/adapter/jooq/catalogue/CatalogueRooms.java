package io.storescheduler.adapter.jooq.catalogue;

import static io.storescheduler.adapter.jooq.schema.Tables.ROOM;

import io.storescheduler.adapter.jooq.shared.ColumnChanges;
import io.storescheduler.adapter.jooq.shared.Pages;
import io.storescheduler.adapter.jooq.shared.PgErrors;
import io.storescheduler.application.catalogue.CatalogueRepository.RoomChanges;
import io.storescheduler.application.catalogue.CatalogueRepository;
import io.storescheduler.application.shared.Page;
import io.storescheduler.application.shared.PageRequest;
import io.storescheduler.application.shared.UseCaseFailure;
import io.storescheduler.domain.catalogue.NameKey;
import io.storescheduler.domain.catalogue.Room;
import io.storescheduler.domain.id.RoomId;
import io.storescheduler.domain.id.StoreId;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record6;
import org.jooq.Records;
import org.jooq.SelectJoinStep;
import org.jooq.exception.DataAccessException;

/**
 * The catalogue's rooms. A room's {@code name_key} is written with its name, always by {@link NameKey},
 * and a unique index on {@code (store_id, name_key)} refuses a look-alike of another room's name
 * however the writes race.
 */
final class CatalogueRooms {

    private final DSLContext dsl;

    CatalogueRooms(DSLContext dsl) {
        this.dsl = dsl;
    }

    Room insertRoom(StoreId storeId, String name, int capacity, boolean active, int turnaroundMinutes) {
        try {
            return dsl.insertInto(ROOM, ROOM.STORE_ID, ROOM.NAME, ROOM.NAME_KEY, ROOM.CAPACITY, ROOM.ACTIVE, ROOM.TURNAROUND_MINUTES)
                    .values(storeId, name, NameKey.of(name), capacity, active, turnaroundMinutes)
                    .returningResult(ROOM.ID, ROOM.STORE_ID, ROOM.NAME, ROOM.CAPACITY, ROOM.ACTIVE, ROOM.TURNAROUND_MINUTES)
                    .fetchSingle(Records.mapping(CatalogueRooms::room));
        } catch (DataAccessException e) {
            throw nameTakenOr(e, name);
        }
    }

    Optional<Room> updateRoom(StoreId storeId, RoomId roomId, RoomChanges changes) {
        try {
            new ColumnChanges().set(ROOM.NAME, changes.name()).set(ROOM.NAME_KEY, changes.name().map(NameKey::of))
                    .set(ROOM.CAPACITY, changes.capacity()).set(ROOM.ACTIVE, changes.active())
                    .set(ROOM.TURNAROUND_MINUTES, changes.turnaroundMinutes())
                    .apply(dsl, ROOM, ROOM.STORE_ID.eq(storeId).and(ROOM.ID.eq(roomId)));
        } catch (DataAccessException e) {
            throw nameTakenOr(e, changes.name().orElse(""));
        }
        return findRoom(storeId, roomId);
    }

    /**
     * The use case refuses a taken name before it writes; a write that races it past that check
     * meets the unique index here, thrown, like the other integrity conflicts.
     */
    private static RuntimeException nameTakenOr(DataAccessException e, String name) {
        if (PgErrors.isUniqueViolation(e, "room_store_name_key_key")) {
            return UseCaseFailure.of(CatalogueRepository.roomNameTaken(name));
        }
        return e;
    }

    Optional<RoomId> roomNamedLike(StoreId storeId, String name) {
        return dsl.select(ROOM.ID).from(ROOM).where(ROOM.STORE_ID.eq(storeId), ROOM.NAME_KEY.eq(NameKey.of(name))).fetchOptional(ROOM.ID);
    }

    Optional<Room> findRoom(StoreId storeId, RoomId roomId) {
        return selectRooms().where(ROOM.STORE_ID.eq(storeId), ROOM.ID.eq(roomId)).fetchOptional(Records.mapping(CatalogueRooms::room));
    }

    Page<Room> listRooms(StoreId storeId, PageRequest page) {
        var condition = ROOM.STORE_ID.eq(storeId);
        var items = selectRooms().where(condition).orderBy(ROOM.ID)
                .limit(page.limit()).offset(page.offset())
                .fetch(Records.mapping(CatalogueRooms::room));
        return Pages.of(dsl, ROOM, condition, page, items);
    }

    List<Room> activeRoomsSeating(StoreId storeId, int minCapacity) {
        return selectRooms()
                .where(ROOM.STORE_ID.eq(storeId), ROOM.ACTIVE.isTrue(), ROOM.CAPACITY.ge(minCapacity))
                .orderBy(ROOM.ID)
                .fetch(Records.mapping(CatalogueRooms::room));
    }

    List<Room> allRooms(StoreId storeId) {
        return selectRooms().where(ROOM.STORE_ID.eq(storeId)).orderBy(ROOM.ID).fetch(Records.mapping(CatalogueRooms::room));
    }

    private static Room room(RoomId id, StoreId storeId, String name, int capacity, boolean active, int turnaroundMinutes) {
        return new Room(id, storeId, name, capacity, active, turnaroundMinutes);
    }

    private SelectJoinStep<Record6<RoomId, StoreId, String, Integer, Boolean, Integer>> selectRooms() {
        return dsl.select(ROOM.ID, ROOM.STORE_ID, ROOM.NAME, ROOM.CAPACITY, ROOM.ACTIVE, ROOM.TURNAROUND_MINUTES).from(ROOM);
    }
}
