package io.storescheduler.domain.catalogue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** A game in a store's catalogue, with how long it runs and its characters. */
public record Script(long id, long storeId, String name, int durationMinutes, List<ScriptCharacter> characters) {

    public Script {
        characters = List.copyOf(characters);
    }

    public Set<Long> nonDmCharacterIds() {
        return characterIds(false);
    }

    public Set<Long> dmCharacterIds() {
        return characterIds(true);
    }

    private Set<Long> characterIds(boolean dm) {
        return characters.stream()
                .filter(character -> character.dm() == dm)
                .map(ScriptCharacter::id)
                .collect(Collectors.toUnmodifiableSet());
    }
}
