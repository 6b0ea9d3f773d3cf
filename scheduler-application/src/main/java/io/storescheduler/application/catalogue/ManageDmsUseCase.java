package io.storescheduler.application.catalogue;

import io.storescheduler.application.catalogue.CatalogueRepository.DmChanges;
import io.storescheduler.application.shared.Page;
import io.storescheduler.application.shared.PageRequest;
import io.storescheduler.domain.catalogue.Dm;
import java.util.Set;

/** A store's DMs: add one, rename, (de)activate or change the scripts one hosts, read them. */
public interface ManageDmsUseCase {

    /** {@code scriptIds} null: the DM hosts every script. */
    record CreateDmCommand(long storeId, String name, boolean active, Set<Long> scriptIds) {

        public CreateDmCommand(long storeId, String name, boolean active) {
            this(storeId, name, active, null);
        }
    }

    record PatchDmCommand(long storeId, long dmId, DmChanges changes) {}

    Dm createDm(CreateDmCommand command);

    Dm patchDm(PatchDmCommand command);

    Dm getDm(long storeId, long dmId);

    Page<Dm> listDms(long storeId, PageRequest page);
}
