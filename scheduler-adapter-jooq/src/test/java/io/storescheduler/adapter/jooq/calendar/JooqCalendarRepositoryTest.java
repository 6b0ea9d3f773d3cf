package io.storescheduler.adapter.jooq.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.storescheduler.adapter.jooq.PersistenceUnderTest;
import io.storescheduler.application.calendar.CalendarOwner;
import io.storescheduler.application.calendar.CalendarRepositoryContract;
import java.util.Optional;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The calendar repository's contract on PostgreSQL, and the foreign key that keeps a key with its owner's store. */
class JooqCalendarRepositoryTest extends CalendarRepositoryContract {

    @RegisterExtension
    static final PersistenceUnderTest db = PersistenceUnderTest.perClass();

    JooqCalendarRepositoryTest() {
        super(db);
    }

    @Test
    void the_database_refuses_a_key_for_an_owner_of_another_store() {
        var storeId = db.newStoreId();
        var room = CalendarOwner.room(db.catalogue().insertRoom(storeId, "Keyed", 4, true).id());
        var otherStore = db.newStoreId();

        assertThrows(DataAccessException.class, () -> db.calendars().replaceKey(otherStore, room, hash(4), KEYED));
        assertEquals(Optional.empty(), db.calendars().keyHash(otherStore, room));
    }
}
