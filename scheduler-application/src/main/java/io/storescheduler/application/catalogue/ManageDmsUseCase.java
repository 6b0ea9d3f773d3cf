package io.storescheduler.application.catalogue;

import io.storescheduler.application.shared.Page;
import io.storescheduler.application.shared.PageRequest;
import io.storescheduler.domain.catalogue.Dm;

/** A store's DMs: add one, read them. */
public interface ManageDmsUseCase {

    record CreateDmCommand(long storeId, String name, boolean active) {}

    Dm createDm(CreateDmCommand command);

    Dm getDm(long storeId, long dmId);

    Page<Dm> listDms(long storeId, PageRequest page);
}
