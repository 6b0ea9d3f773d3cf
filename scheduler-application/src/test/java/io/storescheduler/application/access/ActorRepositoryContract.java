package io.storescheduler.application.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storescheduler.application.shared.PageRequest;
import io.storescheduler.application.shared.PortContract;
import io.storescheduler.domain.id.StoreId;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ActorRepository} does, run on the in-memory fake the access service tests
 * trust and on the jOOQ adapter over PostgreSQL. Actors are not kept per store, so a test sees the
 * actors of the tests before it: it makes its own tokens and judges the list by the actors it made.
 */
public abstract class ActorRepositoryContract extends PortContract<AccessPortsUnderTest> {

    protected ActorRepositoryContract(AccessPortsUnderTest ports) {
        super(ports);
    }

    private ActorRepository actors() {
        return ports().actors();
    }

    @Test
    void an_inserted_actor_is_found_by_its_token_hash_with_its_stores() {
        var first = newStoreId();
        var second = newStoreId();
        var hash = newTokenHash();

        var actor = actors().insert("desk", hash, false, Set.of(first, second));

        assertEquals(new Actor(actor.id(), "desk", false, Set.of(first, second)), actor);
        assertEquals(Optional.of(actor), actors().findByTokenHash(hash.clone()));
        assertEquals(Optional.empty(), actors().findByTokenHash(newTokenHash()));
    }

    @Test
    void an_admin_needs_no_stores() {
        var hash = newTokenHash();

        var admin = actors().insert("admin", hash, true, Set.of());

        assertEquals(Optional.of(new Actor(admin.id(), "admin", true, Set.of())), actors().findByTokenHash(hash));
    }

    @Test
    void actors_are_listed_by_id_in_pages_with_the_total() {
        var made = List.of(newActor(), newActor(), newActor());

        var total = actors().list(new PageRequest(1, 0)).total();
        var last = actors().list(new PageRequest(2, (int) total - 2));

        assertEquals(made.subList(1, 3), last.items());
        assertEquals(total, last.total());
        var all = actors().list(new PageRequest(PageRequest.MAX_LIMIT, 0)).items().stream().map(Actor::id).toList();
        assertEquals(all.stream().sorted().toList(), all);
    }

    @Test
    void a_deleted_actor_is_no_longer_found_and_a_second_delete_answers_false() {
        var hash = newTokenHash();
        var actor = actors().insert("leaving", hash, false, Set.of(newStoreId()));

        assertTrue(actors().delete(actor.id()));
        assertFalse(actors().delete(actor.id()));

        assertEquals(Optional.empty(), actors().findByTokenHash(hash));
    }

    @Test
    void a_token_hash_belongs_to_one_actor() {
        var hash = newTokenHash();
        var first = actors().insert("first", hash, false, Set.of());

        assertThrows(ports().integrityViolation(), () -> actors().insert("second", hash, true, Set.of()));

        assertEquals(Optional.of(first), actors().findByTokenHash(hash));
    }

    @Test
    void an_actor_is_granted_only_stores_that_exist() {
        var missing = new StoreId(newStoreId().value() + 1_000_000);

        assertThrows(ports().integrityViolation(), () -> actors().insert("lost", newTokenHash(), false, Set.of(missing)));
    }

    private Actor newActor() {
        return actors().insert("actor", newTokenHash(), false, Set.of());
    }

    private StoreId newStoreId() {
        return ports().stores().insert("store " + UUID.randomUUID(), ZoneId.of("Asia/Shanghai")).id();
    }

    private static byte[] newTokenHash() {
        return UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8);
    }
}
