package io.storescheduler.domain.booking;

import io.storescheduler.domain.id.CharacterId;
import io.storescheduler.domain.id.DmId;
import io.storescheduler.domain.id.ScriptId;

/**
 * Whether a booking may hold a character-DM match: admitted, or refused with the code the API
 * answers and the ids the refusal names.
 */
public sealed interface DmMatchDecision {

    record Admitted() implements DmMatchDecision {
    }

    /** A refusal: {@link #code()} is its stable API code. */
    sealed interface Refused extends DmMatchDecision {
        String code();
    }

    record ScriptMissing() implements Refused {
        public String code() {
            return "script_missing";
        }
    }

    record CharacterNotDm(CharacterId characterId, ScriptId scriptId) implements Refused {
        public String code() {
            return "character_not_dm";
        }
    }

    /** The DM cannot host {@code scriptId}, so cannot play one of its DM characters. */
    record DmNotQualified(DmId dmId, ScriptId scriptId) implements Refused {
        public String code() {
            return "dm_not_qualified";
        }
    }

    /** The DM character is played already, by {@code dmId}. */
    record CharacterAlreadyMatched(CharacterId characterId, DmId dmId) implements Refused {
        public String code() {
            return "character_already_matched";
        }
    }

    /** The DM is a free DM of the booking already. */
    record DmAlreadyMatched(DmId dmId) implements Refused {
        public String code() {
            return "dm_already_matched";
        }
    }
}
