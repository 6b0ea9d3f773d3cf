package io.storescheduler.domain.catalogue;

import io.storescheduler.domain.id.CharacterId;
import io.storescheduler.domain.id.ScriptId;
import io.storescheduler.domain.id.StoreId;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** A game in a store's catalogue, with how long it runs and its characters. */
public record Script(ScriptId id, StoreId storeId, String name, int durationMinutes, List<ScriptCharacter> characters) {

    public Script {
        characters = List.copyOf(characters);
    }

    public Set<CharacterId> nonDmCharacterIds() {
        return characterIds(false);
    }

    public Set<CharacterId> dmCharacterIds() {
        return characterIds(true);
    }

    private Set<CharacterId> characterIds(boolean dm) {
        return characters.stream()
                .filter(character -> character.dm() == dm)
                .map(ScriptCharacter::id)
                .collect(Collectors.toUnmodifiableSet());
    }
}
