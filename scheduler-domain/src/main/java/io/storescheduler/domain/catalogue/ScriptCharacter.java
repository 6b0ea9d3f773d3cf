package io.storescheduler.domain.catalogue;

/** A role of a script: a DM (staff) plays it when {@code dm} is true, otherwise a client does. */
public record ScriptCharacter(long id, String name, boolean dm) {}
