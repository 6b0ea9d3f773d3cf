package io.storescheduler.domain.booking;

import io.storescheduler.domain.id.CharacterId;
import io.storescheduler.domain.id.ClientId;
import io.storescheduler.domain.id.DmId;
import io.storescheduler.domain.id.MatchId;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * One failed precondition of confirming a booking, with a stable machine {@link #code()} and,
 * where it helps the desk fix it, the ids at fault. Id lists are always distinct, sorted ascending
 * and non-empty, whoever builds the violation, so answers are stable and comparable in tests.
 */
public sealed interface ConfirmViolation {

    /** Confirm only applies to an incomplete booking. */
    record StatusNotIncomplete(BookingStatus status) implements ConfirmViolation {
        public StatusNotIncomplete {
            Objects.requireNonNull(status, "status");
        }
    }

    /** The booking has no script yet, so nothing says who plays what. */
    record ScriptMissing() implements ConfirmViolation {
    }

    /** The party is empty. */
    record NoClients() implements ConfirmViolation {
    }

    /** Non-DM characters of the script that no party client plays. */
    record CharacterUnmatched(List<CharacterId> characterIds) implements ConfirmViolation {
        public CharacterUnmatched {
            characterIds = sortedIds(characterIds, "characterIds");
        }
    }

    /** Party clients that play no non-DM character of the script. */
    record ClientUnmatched(List<ClientId> clientIds) implements ConfirmViolation {
        public ClientUnmatched {
            clientIds = sortedIds(clientIds, "clientIds");
        }
    }

    /** Non-DM characters that two or more party clients play. */
    record CharacterMatchedMoreThanOnce(List<CharacterId> characterIds) implements ConfirmViolation {
        public CharacterMatchedMoreThanOnce {
            characterIds = sortedIds(characterIds, "characterIds");
        }
    }

    /** Party clients that play two or more non-DM characters. */
    record ClientMatchedMoreThanOnce(List<ClientId> clientIds) implements ConfirmViolation {
        public ClientMatchedMoreThanOnce {
            clientIds = sortedIds(clientIds, "clientIds");
        }
    }

    /**
     * Matches that name a character that is not a non-DM character of the script, or a client
     * not in the party: left behind by a script or party change, they would break the bijection.
     */
    record MatchOutsideBooking(List<MatchId> matchIds) implements ConfirmViolation {
        public MatchOutsideBooking {
            matchIds = sortedIds(matchIds, "matchIds");
        }
    }

    /** No active room seats the whole party. */
    record NoRoomAvailable() implements ConfirmViolation {
    }

    /** DMs matched to DM characters who cannot host the booking's script (any more). */
    record DmNotQualified(List<DmId> dmIds) implements ConfirmViolation {
        public DmNotQualified {
            dmIds = sortedIds(dmIds, "dmIds");
        }
    }

    default String code() {
        return switch (this) {
            case StatusNotIncomplete v -> "status_not_incomplete";
            case ScriptMissing v -> "script_missing";
            case NoClients v -> "no_clients";
            case CharacterUnmatched v -> "character_unmatched";
            case ClientUnmatched v -> "client_unmatched";
            case CharacterMatchedMoreThanOnce v -> "character_matched_more_than_once";
            case ClientMatchedMoreThanOnce v -> "client_matched_more_than_once";
            case MatchOutsideBooking v -> "match_outside_booking";
            case NoRoomAvailable v -> "no_room_available";
            case DmNotQualified v -> "dm_not_qualified";
        };
    }

    private static <T extends Comparable<T>> List<T> sortedIds(Collection<T> ids, String name) {
        Objects.requireNonNull(ids, name);
        // An empty list would be a violation that names nothing wrong: a bug in the caller.
        if (ids.isEmpty()) {
            throw new IllegalArgumentException(name + " must not be empty");
        }
        return List.copyOf(new TreeSet<>(ids));
    }
}
