package io.storescheduler.application.catalogue;

import io.storescheduler.application.catalogue.CatalogueRepository.ClientChanges;
import io.storescheduler.application.shared.Page;
import io.storescheduler.application.shared.PageRequest;
import io.storescheduler.domain.catalogue.Client;

/** A store's clients: add one, change one's name or phone, find them by name or phone, read one. */
public interface ManageClientsUseCase {

    record CreateClientCommand(long storeId, String name, String phone) {}

    record PatchClientCommand(long storeId, long clientId, ClientChanges changes) {}

    Client createClient(CreateClientCommand command);

    Client patchClient(PatchClientCommand command);

    Client getClient(long storeId, long clientId);

    Page<Client> listClients(long storeId, String query, PageRequest page);
}
