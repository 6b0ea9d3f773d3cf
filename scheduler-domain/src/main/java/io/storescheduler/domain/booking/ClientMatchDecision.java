package io.storescheduler.domain.booking;

import io.storescheduler.domain.id.ClientId;
import io.storescheduler.domain.id.CharacterId;
import io.storescheduler.domain.id.ScriptId;

/**
 * Whether a booking may hold a character-client match: admitted, or refused with the code the
 * API answers and the ids the refusal names.
 */
public sealed interface ClientMatchDecision {

    record Admitted() implements ClientMatchDecision {
    }

    /** A refusal: {@link #code()} is its stable API code. */
    sealed interface Refused extends ClientMatchDecision {
        String code();
    }

    record ScriptMissing() implements Refused {
        public String code() {
            return "script_missing";
        }
    }

    record CharacterNotPlayable(CharacterId characterId, ScriptId scriptId) implements Refused {
        public String code() {
            return "character_not_playable";
        }
    }

    record ClientNotInParty(ClientId clientId) implements Refused {
        public String code() {
            return "client_not_in_party";
        }
    }

    /** The character is played already, by {@code clientId}. */
    record CharacterAlreadyMatched(CharacterId characterId, ClientId clientId) implements Refused {
        public String code() {
            return "character_already_matched";
        }
    }

    /** The client plays a character already, {@code characterId}. */
    record ClientAlreadyMatched(ClientId clientId, CharacterId characterId) implements Refused {
        public String code() {
            return "client_already_matched";
        }
    }
}
