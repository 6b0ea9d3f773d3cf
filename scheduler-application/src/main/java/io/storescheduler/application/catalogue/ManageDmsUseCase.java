package io.storescheduler.application.catalogue;

import io.storescheduler.application.catalogue.CatalogueRepository.DmChanges;
import io.storescheduler.application.shared.Page;
import io.storescheduler.application.shared.PageRequest;
import io.storescheduler.domain.catalogue.Dm;

/** A store's DMs: add one, rename or (de)activate one, read them. */
public interface ManageDmsUseCase {

    record CreateDmCommand(long storeId, String name, boolean active) {}

    record PatchDmCommand(long storeId, long dmId, DmChanges changes) {}

    Dm createDm(CreateDmCommand command);

    Dm patchDm(PatchDmCommand command);

    Dm getDm(long storeId, long dmId);

    Page<Dm> listDms(long storeId, PageRequest page);
}
