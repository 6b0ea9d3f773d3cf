package io.storescheduler.adapter.http.catalogue;

import io.storescheduler.domain.catalogue.Client;
import io.storescheduler.domain.catalogue.Dm;
import io.storescheduler.domain.catalogue.Room;
import io.storescheduler.domain.catalogue.Script;
import io.storescheduler.domain.catalogue.ScriptCharacter;
import io.storescheduler.domain.id.CharacterId;
import io.storescheduler.domain.id.ClientId;
import io.storescheduler.domain.id.DmId;
import io.storescheduler.domain.id.RoomId;
import io.storescheduler.domain.id.ScriptId;
import java.util.List;

/** The catalogue on the wire. */
final class CatalogueResponses {

    private CatalogueResponses() {}

    record RoomResponse(RoomId id, String name, int capacity, boolean active, int turnaroundMinutes) {
        static RoomResponse from(Room room) {
            return new RoomResponse(room.id(), room.name(), room.capacity(), room.active(), room.turnaroundMinutes());
        }
    }

    record CharacterResponse(CharacterId id, String name, boolean isDm) {
        static CharacterResponse from(ScriptCharacter character) {
            return new CharacterResponse(character.id(), character.name(), character.dm());
        }
    }

    record ScriptResponse(ScriptId id, String name, int durationMinutes, List<CharacterResponse> characters) {
        static ScriptResponse from(Script script) {
            return new ScriptResponse(script.id(), script.name(), script.durationMinutes(),
                    script.characters().stream().map(CharacterResponse::from).toList());
        }
    }

    /** {@code scriptIds} null: the DM hosts every script. */
    record DmResponse(DmId id, String name, boolean active, List<ScriptId> scriptIds) {
        static DmResponse from(Dm dm) {
            return new DmResponse(dm.id(), dm.name(), dm.active(), dm.scriptIds() == null ? null : List.copyOf(dm.scriptIds()));
        }
    }

    record ClientResponse(ClientId id, String name, String phone) {
        static ClientResponse from(Client client) {
            return new ClientResponse(client.id(), client.name(), client.phone());
        }
    }
}
