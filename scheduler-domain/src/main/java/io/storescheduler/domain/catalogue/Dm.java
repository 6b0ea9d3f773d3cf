package io.storescheduler.domain.catalogue;

import io.storescheduler.domain.id.DmId;
import io.storescheduler.domain.id.ScriptId;
import io.storescheduler.domain.id.StoreId;
import java.util.Collections;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A staff game master of a store; only active DMs can be matched to a booking. {@code scriptIds}
 * are the scripts the DM can host, or {@code null}: every script, the store's and any it adds later.
 */
public record Dm(DmId id, StoreId storeId, String name, boolean active, SortedSet<ScriptId> scriptIds) {

    public static final int MAX_SCRIPT_IDS = 1000;

    public Dm {
        scriptIds = scriptIds == null ? null : Collections.unmodifiableSortedSet(new TreeSet<>(scriptIds));
    }

    /** A DM who hosts every script. */
    public Dm(DmId id, StoreId storeId, String name, boolean active) {
        this(id, storeId, name, active, null);
    }

    /** A DM hosting {@code scriptIds}, or every script when it is {@code null}. */
    public static Dm of(DmId id, StoreId storeId, String name, boolean active, Set<ScriptId> scriptIds) {
        return new Dm(id, storeId, name, active, scriptIds == null ? null : new TreeSet<>(scriptIds));
    }

    public boolean hostsEveryScript() {
        return scriptIds == null;
    }

    /** Whether the DM can host a game of the script: every DM can unless the store narrowed what they host. */
    public boolean canHost(ScriptId scriptId) {
        return scriptIds == null || scriptIds.contains(scriptId);
    }
}
