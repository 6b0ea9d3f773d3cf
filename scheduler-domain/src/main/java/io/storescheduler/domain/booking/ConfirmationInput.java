package io.storescheduler.domain.booking;

import io.storescheduler.domain.catalogue.Dm;
import io.storescheduler.domain.id.CharacterId;
import io.storescheduler.domain.id.ClientId;
import io.storescheduler.domain.id.RoomId;
import io.storescheduler.domain.id.ScriptId;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Everything {@link ConfirmationPolicy} needs to decide a confirm, read by the caller in one
 * transaction: the booking's status, script and party, the script's non-DM characters (empty
 * without a script), the character-client matches, the preferred room and every room of the
 * store with its conflicts for this booking, and the DMs who play the booking's DM characters.
 * {@code scriptId} and {@code preferredRoomId} may be {@code null}.
 */
public record ConfirmationInput(
        BookingStatus status,
        ScriptId scriptId,
        Set<ClientId> partyClientIds,
        Set<CharacterId> nonDmCharacterIds,
        List<CharacterClientMatch> clientMatches,
        RoomId preferredRoomId,
        List<RoomCandidate> rooms,
        List<Dm> characterDms) {

    public ConfirmationInput {
        Objects.requireNonNull(status, "status");
        partyClientIds = Set.copyOf(partyClientIds);
        nonDmCharacterIds = Set.copyOf(nonDmCharacterIds);
        clientMatches = List.copyOf(clientMatches);
        rooms = List.copyOf(rooms);
        characterDms = List.copyOf(characterDms);
    }

    /** A booking none of whose DMs plays a DM character. */
    public ConfirmationInput(BookingStatus status, ScriptId scriptId, Set<ClientId> partyClientIds, Set<CharacterId> nonDmCharacterIds,
            List<CharacterClientMatch> clientMatches, RoomId preferredRoomId, List<RoomCandidate> rooms) {
        this(status, scriptId, partyClientIds, nonDmCharacterIds, clientMatches, preferredRoomId, rooms, List.of());
    }
}
