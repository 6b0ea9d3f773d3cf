package io.storescheduler.domain.catalogue;

import io.storescheduler.domain.id.CharacterId;

/** A role of a script: a DM (staff) plays it when {@code dm} is true, otherwise a client does. */
public record ScriptCharacter(CharacterId id, String name, boolean dm) {}
