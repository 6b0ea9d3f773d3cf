package io.storescheduler.adapter.jooq.catalogue;

import static io.storescheduler.adapter.jooq.schema.Tables.CLIENT;
import static io.storescheduler.adapter.jooq.schema.Tables.DM;
import static io.storescheduler.adapter.jooq.schema.Tables.ROOM;
import static io.storescheduler.adapter.jooq.schema.Tables.SCRIPT;
import static io.storescheduler.adapter.jooq.schema.Tables.SCRIPT_CHARACTER;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.select;

import io.storescheduler.adapter.jooq.shared.ColumnChanges;
import io.storescheduler.adapter.jooq.shared.Pages;
import io.storescheduler.adapter.jooq.shared.PgErrors;
import io.storescheduler.application.catalogue.CatalogueRepository;
import io.storescheduler.application.shared.Page;
import io.storescheduler.application.shared.PageRequest;
import io.storescheduler.application.shared.UseCaseFailure;
import io.storescheduler.domain.catalogue.Client;
import io.storescheduler.domain.catalogue.Dm;
import io.storescheduler.domain.catalogue.NameKey;
import io.storescheduler.domain.catalogue.Room;
import io.storescheduler.domain.catalogue.Script;
import io.storescheduler.domain.catalogue.ScriptCharacter;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record4;
import org.jooq.Records;
import org.jooq.SelectJoinStep;
import org.jooq.exception.DataAccessException;

/**
 * Rooms, scripts with characters, DMs and clients; every query carries the store's id. A room's
 * {@code name_key} is written with its name, always by {@link NameKey}, and a unique index on
 * {@code (store_id, name_key)} refuses a look-alike of another room's name however the writes race.
 */
public final class JooqCatalogueRepository implements CatalogueRepository {

    private static final Field<List<ScriptCharacter>> CHARACTERS = multiset(
            select(SCRIPT_CHARACTER.ID, SCRIPT_CHARACTER.NAME, SCRIPT_CHARACTER.IS_DM)
                    .from(SCRIPT_CHARACTER)
                    .where(SCRIPT_CHARACTER.STORE_ID.eq(SCRIPT.STORE_ID).and(SCRIPT_CHARACTER.SCRIPT_ID.eq(SCRIPT.ID)))
                    .orderBy(SCRIPT_CHARACTER.ID))
            .convertFrom(result -> result.map(Records.mapping(ScriptCharacter::new)));

    private final DSLContext dsl;

    public JooqCatalogueRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public Room insertRoom(long storeId, String name, int capacity, boolean active, int turnaroundMinutes) {
        try {
            return dsl.insertInto(ROOM, ROOM.STORE_ID, ROOM.NAME, ROOM.NAME_KEY, ROOM.CAPACITY, ROOM.ACTIVE, ROOM.TURNAROUND_MINUTES)
                    .values(storeId, name, NameKey.of(name), capacity, active, turnaroundMinutes)
                    .returningResult(ROOM.ID, ROOM.STORE_ID, ROOM.NAME, ROOM.CAPACITY, ROOM.ACTIVE, ROOM.TURNAROUND_MINUTES)
                    .fetchSingle(Records.mapping(JooqCatalogueRepository::room));
        } catch (DataAccessException e) {
            throw nameTakenOr(e, name);
        }
    }

    @Override
    public Optional<Room> updateRoom(long storeId, long roomId, RoomChanges changes) {
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

    private static RuntimeException nameTakenOr(DataAccessException e, String name) {
        if (PgErrors.isUniqueViolation(e, "room_store_name_key_key")) {
            return UseCaseFailure.conflict("room_name_taken", "this store has a room named '" + name + "', or one that looks the same, already");
        }
        return e;
    }

    @Override
    public Optional<Room> findRoom(long storeId, long roomId) {
        return selectRooms().where(ROOM.STORE_ID.eq(storeId), ROOM.ID.eq(roomId)).fetchOptional(Records.mapping(JooqCatalogueRepository::room));
    }

    @Override
    public Page<Room> listRooms(long storeId, PageRequest page) {
        var condition = ROOM.STORE_ID.eq(storeId);
        var items = selectRooms().where(condition).orderBy(ROOM.ID)
                .limit(page.limit()).offset(page.offset())
                .fetch(Records.mapping(JooqCatalogueRepository::room));
        return Pages.of(dsl, ROOM, condition, page, items);
    }

    @Override
    public List<Room> activeRoomsSeating(long storeId, int minCapacity) {
        return selectRooms()
                .where(ROOM.STORE_ID.eq(storeId), ROOM.ACTIVE.isTrue(), ROOM.CAPACITY.ge(minCapacity))
                .orderBy(ROOM.ID)
                .fetch(Records.mapping(JooqCatalogueRepository::room));
    }

    @Override
    public List<Room> allRooms(long storeId) {
        return selectRooms().where(ROOM.STORE_ID.eq(storeId)).orderBy(ROOM.ID).fetch(Records.mapping(JooqCatalogueRepository::room));
    }

    private static Room room(long id, long storeId, String name, int capacity, boolean active, int turnaroundMinutes) {
        return new Room(id, storeId, name, capacity, active, turnaroundMinutes);
    }

    private SelectJoinStep<org.jooq.Record6<Long, Long, String, Integer, Boolean, Integer>> selectRooms() {
        return dsl.select(ROOM.ID, ROOM.STORE_ID, ROOM.NAME, ROOM.CAPACITY, ROOM.ACTIVE, ROOM.TURNAROUND_MINUTES).from(ROOM);
    }

    @Override
    public Script insertScript(long storeId, String name, int durationMinutes, List<NewCharacter> characters) {
        var scriptId = dsl.insertInto(SCRIPT, SCRIPT.STORE_ID, SCRIPT.NAME, SCRIPT.DURATION_MINUTES)
                .values(storeId, name, durationMinutes)
                .returning(SCRIPT.ID)
                .fetchSingle(SCRIPT.ID);
        var insert = dsl.insertInto(SCRIPT_CHARACTER, SCRIPT_CHARACTER.STORE_ID, SCRIPT_CHARACTER.SCRIPT_ID,
                SCRIPT_CHARACTER.NAME, SCRIPT_CHARACTER.IS_DM);
        for (var character : characters) {
            insert = insert.values(storeId, scriptId, character.name(), character.dm());
        }
        insert.execute();
        return findScript(storeId, scriptId).orElseThrow();
    }

    @Override
    public Optional<Script> findScript(long storeId, long scriptId) {
        return selectScripts().where(SCRIPT.STORE_ID.eq(storeId), SCRIPT.ID.eq(scriptId))
                .fetchOptional(Records.mapping(Script::new));
    }

    @Override
    public Page<Script> listScripts(long storeId, PageRequest page) {
        var condition = SCRIPT.STORE_ID.eq(storeId);
        var items = selectScripts().where(condition).orderBy(SCRIPT.ID)
                .limit(page.limit()).offset(page.offset())
                .fetch(Records.mapping(Script::new));
        return Pages.of(dsl, SCRIPT, condition, page, items);
    }

    @Override
    public Optional<Script> updateScript(long storeId, long scriptId, ScriptChanges changes) {
        new ColumnChanges().set(SCRIPT.NAME, changes.name()).set(SCRIPT.DURATION_MINUTES, changes.durationMinutes())
                .apply(dsl, SCRIPT, SCRIPT.STORE_ID.eq(storeId).and(SCRIPT.ID.eq(scriptId)));
        return findScript(storeId, scriptId);
    }

    private SelectJoinStep<org.jooq.Record5<Long, Long, String, Integer, List<ScriptCharacter>>> selectScripts() {
        return dsl.select(SCRIPT.ID, SCRIPT.STORE_ID, SCRIPT.NAME, SCRIPT.DURATION_MINUTES, CHARACTERS).from(SCRIPT);
    }

    @Override
    public Dm insertDm(long storeId, String name, boolean active, Set<Long> scriptIds) {
        return dsl.insertInto(DM, DM.STORE_ID, DM.NAME, DM.ACTIVE, DM.SCRIPT_IDS)
                .values(storeId, name, active, scriptIdArray(scriptIds))
                .returningResult(DM.ID, DM.STORE_ID, DM.NAME, DM.ACTIVE, DM.SCRIPT_IDS)
                .fetchSingle(Records.mapping(JooqCatalogueRepository::dm));
    }

    @Override
    public Optional<Dm> findDm(long storeId, long dmId) {
        return selectDms().where(DM.STORE_ID.eq(storeId), DM.ID.eq(dmId)).fetchOptional(Records.mapping(JooqCatalogueRepository::dm));
    }

    @Override
    public List<Dm> allDms(long storeId) {
        return selectDms().where(DM.STORE_ID.eq(storeId)).orderBy(DM.ID).fetch(Records.mapping(JooqCatalogueRepository::dm));
    }

    @Override
    public List<Long> existingScripts(long storeId, Collection<Long> scriptIds) {
        return dsl.select(SCRIPT.ID).from(SCRIPT).where(SCRIPT.STORE_ID.eq(storeId), SCRIPT.ID.in(scriptIds)).fetch(SCRIPT.ID);
    }

    private static Dm dm(long id, long storeId, String name, boolean active, Long[] scriptIds) {
        return Dm.of(id, storeId, name, active, scriptIds == null ? null : Set.of(scriptIds));
    }

    /** Sorted, so the column reads the same however the set was built; null stays null (every script). */
    private static Long[] scriptIdArray(Set<Long> scriptIds) {
        return scriptIds == null ? null : new TreeSet<>(scriptIds).toArray(Long[]::new);
    }

    @Override
    public Page<Dm> listDms(long storeId, PageRequest page) {
        var condition = DM.STORE_ID.eq(storeId);
        var items = selectDms().where(condition).orderBy(DM.ID)
                .limit(page.limit()).offset(page.offset())
                .fetch(Records.mapping(JooqCatalogueRepository::dm));
        return Pages.of(dsl, DM, condition, page, items);
    }

    @Override
    public Optional<Dm> updateDm(long storeId, long dmId, DmChanges changes) {
        new ColumnChanges().set(DM.NAME, changes.name()).set(DM.ACTIVE, changes.active())
                .set(DM.SCRIPT_IDS, changes.scriptIds().map(JooqCatalogueRepository::scriptIdArray))
                .apply(dsl, DM, DM.STORE_ID.eq(storeId).and(DM.ID.eq(dmId)));
        return findDm(storeId, dmId);
    }

    private SelectJoinStep<org.jooq.Record5<Long, Long, String, Boolean, Long[]>> selectDms() {
        return dsl.select(DM.ID, DM.STORE_ID, DM.NAME, DM.ACTIVE, DM.SCRIPT_IDS).from(DM);
    }

    @Override
    public Client insertClient(long storeId, String name, String phone) {
        return dsl.insertInto(CLIENT, CLIENT.STORE_ID, CLIENT.NAME, CLIENT.PHONE)
                .values(storeId, name, phone)
                .returningResult(CLIENT.ID, CLIENT.STORE_ID, CLIENT.NAME, CLIENT.PHONE)
                .fetchSingle(Records.mapping(Client::new));
    }

    @Override
    public Optional<Client> findClient(long storeId, long clientId) {
        return selectClients().where(CLIENT.STORE_ID.eq(storeId), CLIENT.ID.eq(clientId))
                .fetchOptional(Records.mapping(Client::new));
    }

    @Override
    public Page<Client> listClients(long storeId, String query, PageRequest page) {
        var condition = CLIENT.STORE_ID.eq(storeId).and(matching(query));
        var items = selectClients().where(condition).orderBy(CLIENT.ID)
                .limit(page.limit()).offset(page.offset())
                .fetch(Records.mapping(Client::new));
        return Pages.of(dsl, CLIENT, condition, page, items);
    }

    @Override
    public Optional<Client> updateClient(long storeId, long clientId, ClientChanges changes) {
        new ColumnChanges().set(CLIENT.NAME, changes.name()).set(CLIENT.PHONE, changes.phone())
                .apply(dsl, CLIENT, CLIENT.STORE_ID.eq(storeId).and(CLIENT.ID.eq(clientId)));
        return findClient(storeId, clientId);
    }

    @Override
    public List<Long> existingClients(long storeId, Collection<Long> clientIds) {
        return dsl.select(CLIENT.ID).from(CLIENT).where(CLIENT.STORE_ID.eq(storeId), CLIENT.ID.in(clientIds)).fetch(CLIENT.ID);
    }

    private static Condition matching(String query) {
        if (query == null || query.isBlank()) {
            return org.jooq.impl.DSL.noCondition();
        }
        return CLIENT.NAME.containsIgnoreCase(query).or(CLIENT.PHONE.containsIgnoreCase(query));
    }

    private SelectJoinStep<Record4<Long, Long, String, String>> selectClients() {
        return dsl.select(CLIENT.ID, CLIENT.STORE_ID, CLIENT.NAME, CLIENT.PHONE).from(CLIENT);
    }
}
