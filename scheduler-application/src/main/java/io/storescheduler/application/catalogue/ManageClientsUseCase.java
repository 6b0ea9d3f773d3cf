package io.storescheduler.application.catalogue;

import io.storescheduler.application.catalogue.CatalogueRepository.ClientChanges;
import io.storescheduler.application.shared.Outcome;
import io.storescheduler.application.shared.Page;
import io.storescheduler.application.shared.PageRequest;
import io.storescheduler.domain.catalogue.Client;
import io.storescheduler.domain.id.ClientId;
import io.storescheduler.domain.id.StoreId;

/** A store's clients: add one, change one's name or phone, find them by name or phone, read one. */
public interface ManageClientsUseCase {

    record CreateClientCommand(StoreId storeId, String name, String phone) {}

    record PatchClientCommand(StoreId storeId, ClientId clientId, ClientChanges changes) {}

    Outcome<Client> createClient(CreateClientCommand command);

    Outcome<Client> patchClient(PatchClientCommand command);

    Outcome<Client> getClient(StoreId storeId, ClientId clientId);

    Page<Client> listClients(StoreId storeId, String query, PageRequest page);
}
