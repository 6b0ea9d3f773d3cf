package io.storescheduler.application.catalogue;

import io.storescheduler.application.catalogue.CatalogueRepository.DmChanges;
import io.storescheduler.application.shared.Outcome;
import io.storescheduler.application.shared.Page;
import io.storescheduler.application.shared.PageRequest;
import io.storescheduler.domain.catalogue.Dm;
import io.storescheduler.domain.id.DmId;
import io.storescheduler.domain.id.ScriptId;
import io.storescheduler.domain.id.StoreId;
import java.util.Set;

/** A store's DMs: add one, rename, (de)activate or change the scripts one hosts, read them. */
public interface ManageDmsUseCase {

    /** {@code scriptIds} null: the DM hosts every script. */
    record CreateDmCommand(StoreId storeId, String name, boolean active, Set<ScriptId> scriptIds) {

        public CreateDmCommand(StoreId storeId, String name, boolean active) {
            this(storeId, name, active, null);
        }
    }

    record PatchDmCommand(StoreId storeId, DmId dmId, DmChanges changes) {}

    Outcome<Dm> createDm(CreateDmCommand command);

    Outcome<Dm> patchDm(PatchDmCommand command);

    Outcome<Dm> getDm(StoreId storeId, DmId dmId);

    Page<Dm> listDms(StoreId storeId, PageRequest page);
}
