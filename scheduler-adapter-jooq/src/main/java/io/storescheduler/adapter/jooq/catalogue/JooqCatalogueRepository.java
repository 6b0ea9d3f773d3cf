package io.storescheduler.adapter.jooq.catalogue;

import static io.storescheduler.adapter.jooq.schema.Tables.CLIENT;
import static io.storescheduler.adapter.jooq.schema.Tables.DM;
import static io.storescheduler.adapter.jooq.schema.Tables.SCRIPT;
import static io.storescheduler.adapter.jooq.schema.Tables.SCRIPT_CHARACTER;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.select;

import io.storescheduler.adapter.jooq.shared.ColumnChanges;
import io.storescheduler.adapter.jooq.shared.Pages;
import io.storescheduler.application.catalogue.CatalogueRepository;
import io.storescheduler.application.shared.Page;
import io.storescheduler.application.shared.PageRequest;
import io.storescheduler.domain.catalogue.Client;
import io.storescheduler.domain.catalogue.Dm;
import io.storescheduler.domain.catalogue.Room;
import io.storescheduler.domain.catalogue.Script;
import io.storescheduler.domain.catalogue.ScriptCharacter;
import io.storescheduler.domain.id.ClientId;
import io.storescheduler.domain.id.DmId;
import io.storescheduler.domain.id.RoomId;
import io.storescheduler.domain.id.ScriptId;
import io.storescheduler.domain.id.StoreId;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record4;
import org.jooq.Records;
import org.jooq.SelectJoinStep;

/**
 * Rooms (written and read by {@link CatalogueRooms}), scripts with characters, DMs and clients;
 * every query carries the store's id.
 */
public final class JooqCatalogueRepository implements CatalogueRepository {

    private static final Field<List<ScriptCharacter>> CHARACTERS = multiset(
            select(SCRIPT_CHARACTER.ID, SCRIPT_CHARACTER.NAME, SCRIPT_CHARACTER.IS_DM)
                    .from(SCRIPT_CHARACTER)
                    .where(SCRIPT_CHARACTER.STORE_ID.eq(SCRIPT.STORE_ID).and(SCRIPT_CHARACTER.SCRIPT_ID.eq(SCRIPT.ID)))
                    .orderBy(SCRIPT_CHARACTER.ID))
            .convertFrom(result -> result.map(Records.mapping(ScriptCharacter::new)));

    private final DSLContext dsl;
    private final CatalogueRooms rooms;

    public JooqCatalogueRepository(DSLContext dsl) {
        this.dsl = dsl;
        this.rooms = new CatalogueRooms(dsl);
    }

    @Override
    public Room insertRoom(StoreId storeId, String name, int capacity, boolean active, int turnaroundMinutes) {
        return rooms.insertRoom(storeId, name, capacity, active, turnaroundMinutes);
    }

    @Override
    public Optional<Room> updateRoom(StoreId storeId, RoomId roomId, RoomChanges changes) {
        return rooms.updateRoom(storeId, roomId, changes);
    }

    @Override
    public Optional<Room> findRoom(StoreId storeId, RoomId roomId) {
        return rooms.findRoom(storeId, roomId);
    }

    @Override
    public Optional<RoomId> roomNamedLike(StoreId storeId, String name) {
        return rooms.roomNamedLike(storeId, name);
    }

    @Override
    public Page<Room> listRooms(StoreId storeId, PageRequest page) {
        return rooms.listRooms(storeId, page);
    }

    @Override
    public List<Room> activeRoomsSeating(StoreId storeId, int minCapacity) {
        return rooms.activeRoomsSeating(storeId, minCapacity);
    }

    @Override
    public List<Room> allRooms(StoreId storeId) {
        return rooms.allRooms(storeId);
    }


    @Override
    public Script insertScript(StoreId storeId, String name, int durationMinutes, List<NewCharacter> characters) {
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
    public Optional<Script> findScript(StoreId storeId, ScriptId scriptId) {
        return selectScripts().where(SCRIPT.STORE_ID.eq(storeId), SCRIPT.ID.eq(scriptId))
                .fetchOptional(Records.mapping(Script::new));
    }

    @Override
    public Page<Script> listScripts(StoreId storeId, PageRequest page) {
        var condition = SCRIPT.STORE_ID.eq(storeId);
        var items = selectScripts().where(condition).orderBy(SCRIPT.ID)
                .limit(page.limit()).offset(page.offset())
                .fetch(Records.mapping(Script::new));
        return Pages.of(dsl, SCRIPT, condition, page, items);
    }

    @Override
    public Optional<Script> updateScript(StoreId storeId, ScriptId scriptId, ScriptChanges changes) {
        new ColumnChanges().set(SCRIPT.NAME, changes.name()).set(SCRIPT.DURATION_MINUTES, changes.durationMinutes())
                .apply(dsl, SCRIPT, SCRIPT.STORE_ID.eq(storeId).and(SCRIPT.ID.eq(scriptId)));
        return findScript(storeId, scriptId);
    }

    private SelectJoinStep<org.jooq.Record5<ScriptId, StoreId, String, Integer, List<ScriptCharacter>>> selectScripts() {
        return dsl.select(SCRIPT.ID, SCRIPT.STORE_ID, SCRIPT.NAME, SCRIPT.DURATION_MINUTES, CHARACTERS).from(SCRIPT);
    }

    @Override
    public Dm insertDm(StoreId storeId, String name, boolean active, Set<ScriptId> scriptIds) {
        return dsl.insertInto(DM, DM.STORE_ID, DM.NAME, DM.ACTIVE, DM.SCRIPT_IDS)
                .values(storeId, name, active, scriptIdArray(scriptIds))
                .returningResult(DM.ID, DM.STORE_ID, DM.NAME, DM.ACTIVE, DM.SCRIPT_IDS)
                .fetchSingle(Records.mapping(JooqCatalogueRepository::dm));
    }

    @Override
    public Optional<Dm> findDm(StoreId storeId, DmId dmId) {
        return selectDms().where(DM.STORE_ID.eq(storeId), DM.ID.eq(dmId)).fetchOptional(Records.mapping(JooqCatalogueRepository::dm));
    }

    @Override
    public List<Dm> allDms(StoreId storeId) {
        return selectDms().where(DM.STORE_ID.eq(storeId)).orderBy(DM.ID).fetch(Records.mapping(JooqCatalogueRepository::dm));
    }

    @Override
    public List<ScriptId> existingScripts(StoreId storeId, Collection<ScriptId> scriptIds) {
        return dsl.select(SCRIPT.ID).from(SCRIPT).where(SCRIPT.STORE_ID.eq(storeId), SCRIPT.ID.in(scriptIds)).fetch(SCRIPT.ID);
    }

    private static Dm dm(DmId id, StoreId storeId, String name, boolean active, Long[] scriptIds) {
        return Dm.of(id, storeId, name, active, scriptIds == null ? null : Arrays.stream(scriptIds).map(ScriptId::new).collect(Collectors.toSet()));
    }

    /** Sorted, so the column reads the same however the set was built; null stays null (every script). */
    private static Long[] scriptIdArray(Set<ScriptId> scriptIds) {
        return scriptIds == null ? null : scriptIds.stream().map(ScriptId::value).sorted().toArray(Long[]::new);
    }

    @Override
    public Page<Dm> listDms(StoreId storeId, PageRequest page) {
        var condition = DM.STORE_ID.eq(storeId);
        var items = selectDms().where(condition).orderBy(DM.ID)
                .limit(page.limit()).offset(page.offset())
                .fetch(Records.mapping(JooqCatalogueRepository::dm));
        return Pages.of(dsl, DM, condition, page, items);
    }

    @Override
    public Optional<Dm> updateDm(StoreId storeId, DmId dmId, DmChanges changes) {
        new ColumnChanges().set(DM.NAME, changes.name()).set(DM.ACTIVE, changes.active())
                .set(DM.SCRIPT_IDS, changes.scriptIds().map(JooqCatalogueRepository::scriptIdArray))
                .apply(dsl, DM, DM.STORE_ID.eq(storeId).and(DM.ID.eq(dmId)));
        return findDm(storeId, dmId);
    }

    private SelectJoinStep<org.jooq.Record5<DmId, StoreId, String, Boolean, Long[]>> selectDms() {
        return dsl.select(DM.ID, DM.STORE_ID, DM.NAME, DM.ACTIVE, DM.SCRIPT_IDS).from(DM);
    }

    @Override
    public Client insertClient(StoreId storeId, String name, String phone) {
        return dsl.insertInto(CLIENT, CLIENT.STORE_ID, CLIENT.NAME, CLIENT.PHONE)
                .values(storeId, name, phone)
                .returningResult(CLIENT.ID, CLIENT.STORE_ID, CLIENT.NAME, CLIENT.PHONE)
                .fetchSingle(Records.mapping(Client::new));
    }

    @Override
    public Optional<Client> findClient(StoreId storeId, ClientId clientId) {
        return selectClients().where(CLIENT.STORE_ID.eq(storeId), CLIENT.ID.eq(clientId))
                .fetchOptional(Records.mapping(Client::new));
    }

    @Override
    public Page<Client> listClients(StoreId storeId, String query, PageRequest page) {
        var condition = CLIENT.STORE_ID.eq(storeId).and(matching(query));
        var items = selectClients().where(condition).orderBy(CLIENT.ID)
                .limit(page.limit()).offset(page.offset())
                .fetch(Records.mapping(Client::new));
        return Pages.of(dsl, CLIENT, condition, page, items);
    }

    @Override
    public Optional<Client> updateClient(StoreId storeId, ClientId clientId, ClientChanges changes) {
        new ColumnChanges().set(CLIENT.NAME, changes.name()).set(CLIENT.PHONE, changes.phone())
                .apply(dsl, CLIENT, CLIENT.STORE_ID.eq(storeId).and(CLIENT.ID.eq(clientId)));
        return findClient(storeId, clientId);
    }

    @Override
    public List<ClientId> existingClients(StoreId storeId, Collection<ClientId> clientIds) {
        return dsl.select(CLIENT.ID).from(CLIENT).where(CLIENT.STORE_ID.eq(storeId), CLIENT.ID.in(clientIds)).fetch(CLIENT.ID);
    }

    private static Condition matching(String query) {
        if (query == null || query.isBlank()) {
            return org.jooq.impl.DSL.noCondition();
        }
        return CLIENT.NAME.containsIgnoreCase(query).or(CLIENT.PHONE.containsIgnoreCase(query));
    }

    private SelectJoinStep<Record4<ClientId, StoreId, String, String>> selectClients() {
        return dsl.select(CLIENT.ID, CLIENT.STORE_ID, CLIENT.NAME, CLIENT.PHONE).from(CLIENT);
    }
}
