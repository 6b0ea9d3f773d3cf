package io.storescheduler.domain.booking;

import io.storescheduler.domain.catalogue.Dm;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides a confirm as a whole: checks every precondition of the specification (status, script,
 * party, the strict bijection, a room that seats the party, DMs able to host the script) and
 * reports all that fail, in that order; only when none fails is the booking {@code Confirmed}, into the room
 * {@link RoomChoicePolicy} chose.
 */
public final class ConfirmationPolicy {

    private ConfirmationPolicy() {
    }

    public static ConfirmationDecision decide(ConfirmationInput in) {
        RoomChoice room = RoomChoicePolicy.choose(in.preferredRoomId(), in.partyClientIds().size(), in.rooms());
        List<ConfirmViolation> violations = violations(in, room);
        return switch (room) {
            case RoomChoice.Chosen chosen when violations.isEmpty() ->
                    new ConfirmationDecision.Confirmed(chosen.roomId(), chosen.roomConflictCount());
            case RoomChoice.Chosen chosen -> new ConfirmationDecision.Rejected(violations);
            case RoomChoice.NoRoomAvailable none -> new ConfirmationDecision.Rejected(violations);
        };
    }

    private static List<ConfirmViolation> violations(ConfirmationInput in, RoomChoice room) {
        List<ConfirmViolation> violations = new ArrayList<>();
        if (in.status() != BookingStatus.INCOMPLETE) {
            violations.add(new ConfirmViolation.StatusNotIncomplete(in.status()));
        }
        if (in.scriptId() == null) {
            violations.add(new ConfirmViolation.ScriptMissing());
        }
        if (in.partyClientIds().isEmpty()) {
            violations.add(new ConfirmViolation.NoClients());
        }
        violations.addAll(bijectionViolations(in));
        if (room instanceof RoomChoice.NoRoomAvailable) {
            violations.add(new ConfirmViolation.NoRoomAvailable());
        }
        unqualifiedDms(in).ifPresent(violations::add);
        return violations;
    }

    /**
     * Without a script there are no characters to match, so a bijection report would only
     * repeat script_missing as a list of unmatched clients.
     */
    private static List<ConfirmViolation> bijectionViolations(ConfirmationInput in) {
        return in.scriptId() == null ? List.of()
                : PartyBijection.check(in.nonDmCharacterIds(), in.partyClientIds(), in.clientMatches());
    }

    private static Optional<ConfirmViolation> unqualifiedDms(ConfirmationInput in) {
        if (in.scriptId() == null) {
            return Optional.empty();
        }
        var unqualified = in.characterDms().stream().filter(dm -> !dm.canHost(in.scriptId())).map(Dm::id).toList();
        return unqualified.isEmpty() ? Optional.empty() : Optional.of(new ConfirmViolation.DmNotQualified(unqualified));
    }
}
