package io.storescheduler.application.catalogue;

import io.storescheduler.application.catalogue.CatalogueRepository.NewCharacter;
import io.storescheduler.application.catalogue.CatalogueRepository.ScriptChanges;
import io.storescheduler.application.shared.Outcome;
import io.storescheduler.application.shared.Page;
import io.storescheduler.application.shared.PageRequest;
import io.storescheduler.domain.catalogue.Script;
import io.storescheduler.domain.id.ScriptId;
import io.storescheduler.domain.id.StoreId;
import java.util.List;

/**
 * A store's scripts with their characters: add one (it has at least one non-DM character), rename
 * one or change its duration, read them. Changing a script's characters is not offered: bookings'
 * character matches point at them, and a new cast is a new script.
 */
public interface ManageScriptsUseCase {

    record CreateScriptCommand(StoreId storeId, String name, int durationMinutes, List<NewCharacter> characters) {}

    record PatchScriptCommand(StoreId storeId, ScriptId scriptId, ScriptChanges changes) {}

    Outcome<Script> createScript(CreateScriptCommand command);

    Outcome<Script> patchScript(PatchScriptCommand command);

    Outcome<Script> getScript(StoreId storeId, ScriptId scriptId);

    Page<Script> listScripts(StoreId storeId, PageRequest page);
}
