package io.storescheduler.application.catalogue;

import io.storescheduler.application.catalogue.CatalogueRepository.NewCharacter;
import io.storescheduler.application.shared.Page;
import io.storescheduler.application.shared.PageRequest;
import io.storescheduler.domain.catalogue.Script;
import java.util.List;

/** A store's scripts with their characters: add one (it has at least one non-DM character), read them. */
public interface ManageScriptsUseCase {

    record CreateScriptCommand(long storeId, String name, int durationMinutes, List<NewCharacter> characters) {}

    Script createScript(CreateScriptCommand command);

    Script getScript(long storeId, long scriptId);

    Page<Script> listScripts(long storeId, PageRequest page);
}
