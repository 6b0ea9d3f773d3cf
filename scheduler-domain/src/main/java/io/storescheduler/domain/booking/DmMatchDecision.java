package io.storescheduler.domain.booking;

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

    record CharacterNotDm(long characterId, long scriptId) implements Refused {
        public String code() {
            return "character_not_dm";
        }
    }

    /** The DM cannot host {@code scriptId}, so cannot play one of its DM characters. */
    record DmNotQualified(long dmId, long scriptId) implements Refused {
        public String code() {
            return "dm_not_qualified";
        }
    }

    /** The DM character is played already, by {@code dmId}. */
    record CharacterAlreadyMatched(long characterId, long dmId) implements Refused {
        public String code() {
            return "character_already_matched";
        }
    }

    /** The DM is a free DM of the booking already. */
    record DmAlreadyMatched(long dmId) implements Refused {
        public String code() {
            return "dm_already_matched";
        }
    }
}
