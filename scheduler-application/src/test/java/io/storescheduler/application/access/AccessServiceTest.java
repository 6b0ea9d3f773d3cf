package io.storescheduler.application.access;

import static io.storescheduler.application.shared.Outcomes.done;
import static io.storescheduler.application.shared.Outcomes.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storescheduler.application.access.CreateActorUseCase.CreateActorCommand;
import io.storescheduler.application.access.CreateStoreUseCase.CreateStoreCommand;
import io.storescheduler.application.access.PatchStoreUseCase.PatchStoreCommand;
import io.storescheduler.application.access.StoreRepository.StoreChanges;
import io.storescheduler.application.shared.FieldChange;
import io.storescheduler.application.shared.MovableClock;
import io.storescheduler.application.shared.Outcome;
import io.storescheduler.application.shared.Refusal;
import io.storescheduler.application.shared.TransactionRunner;
import io.storescheduler.domain.id.StoreId;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Authentication and the store check cost no query for a known token, and forget what was revoked or changed. */
class AccessServiceTest {

    private static final String ADMIN_TOKEN = "the-configured-admin-token-of-32-characters";
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final InMemoryAccessRepositories repositories = new InMemoryAccessRepositories();
    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-05T06:00:00Z"));
    private final TransactionRunner directly = new TransactionRunner() {
        @Override
        public <T> T inTransaction(Supplier<T> work) {
            return work.get();
        }

        @Override
        public <T> Outcome<T> attempt(Supplier<Outcome<T>> work) {
            return work.get();
        }
    };
    /** What the service announced to the other instances, as {@code "actor 3"} or {@code "store 5"}. */
    private final List<String> announced = new ArrayList<>();
    private final AccessChangeAnnouncer announcer = new AccessChangeAnnouncer() {
        @Override
        public void actorRevoked(long actorId) {
            announced.add("actor " + actorId);
        }

        @Override
        public void storeChanged(StoreId storeId) {
            announced.add("store " + storeId);
        }
    };
    private final AccessCache cache = new AccessCache(clock);
    private AccessService access = new AccessService(repositories.actors, repositories.stores, Optional.of(ADMIN_TOKEN), cache);
    private StoreService admin = new StoreService(repositories.stores, repositories.actors, directly, cache, announcer);

    @Test
    void a_known_token_is_looked_up_once_while_its_entry_lives() {
        var created = staff();

        for (int i = 0; i < 5; i++) {
            assertEquals(Optional.of(created.actor()), access.authenticate(created.token()));
        }

        assertEquals(1, repositories.tokenLookups.get());
    }

    @Test
    void an_entry_expires_after_the_ttl_so_a_revocation_elsewhere_holds_within_it() {
        var created = staff();
        access.authenticate(created.token());
        // another instance revokes the actor: the repository forgets it, this cache is not told
        repositories.actors.delete(created.actor().id());

        clock.move(AccessCache.TTL.minusSeconds(1));
        assertTrue(access.authenticate(created.token()).isPresent(), "still remembered inside the TTL");
        clock.move(Duration.ofSeconds(1));
        assertEquals(Optional.empty(), access.authenticate(created.token()), "looked up again once expired");
        assertEquals(2, repositories.tokenLookups.get());
    }

    @Test
    void revoking_an_actor_is_refused_at_once_by_this_instance() {
        var created = staff();
        access.authenticate(created.token());

        done(admin.revoke(created.actor().id()));

        assertEquals(Optional.empty(), access.authenticate(created.token()));
    }

    @Test
    void a_revocation_that_overtakes_a_lookup_in_flight_is_not_undone_by_it() {
        var created = staff();
        repositories.duringTokenLookup = () -> {
            repositories.duringTokenLookup = () -> {};
            done(admin.revoke(created.actor().id()));
        };

        assertTrue(access.authenticate(created.token()).isPresent(), "the lookup read the actor before it was revoked");

        assertEquals(Optional.empty(), access.authenticate(created.token()), "what it read was not kept");
        assertEquals(2, repositories.tokenLookups.get());
    }

    @Test
    void an_unknown_token_is_looked_up_every_time_so_it_works_as_soon_as_it_exists() {
        assertEquals(Optional.empty(), access.authenticate("not-a-token-yet"));
        assertEquals(Optional.empty(), access.authenticate("not-a-token-yet"));
        assertEquals(2, repositories.tokenLookups.get());

        var actor = repositories.actors.insert("late", Tokens.hash("not-a-token-yet"), false, Set.of());

        assertEquals(Optional.of(actor), access.authenticate("not-a-token-yet"));
    }

    @Test
    void the_configured_admin_token_costs_no_lookup_and_a_near_miss_is_not_it() {
        assertTrue(access.authenticate(ADMIN_TOKEN).orElseThrow().admin());
        assertEquals(Optional.empty(), access.authenticate(ADMIN_TOKEN + "x"));

        assertEquals(1, repositories.tokenLookups.get(), "only the near miss was looked up");
    }

    @Test
    void a_store_is_read_once_while_its_entry_lives_and_a_patch_is_seen_at_once() {
        var store = admin.create(new CreateStoreCommand("Mystery House", SHANGHAI));
        var actor = new Actor(1, "desk", false, Set.of(store.id()));
        done(access.authorize(actor, store.id()));
        done(access.authorize(actor, store.id()));
        assertEquals(1, repositories.storeLookups.get());

        done(admin.patch(new PatchStoreCommand(store.id(), new StoreChanges(FieldChange.setTo("Night Train House"), FieldChange.keep()))));

        assertEquals("Night Train House", done(access.authorize(actor, store.id())).name());
        assertEquals(2, repositories.storeLookups.get());
    }

    @Test
    void a_revocation_and_a_store_patch_are_announced_to_the_other_instances_and_a_revoke_of_nobody_is_not() {
        var created = staff();
        var store = admin.create(new CreateStoreCommand("Mystery House", SHANGHAI));

        done(admin.revoke(created.actor().id()));
        done(admin.patch(new PatchStoreCommand(store.id(), new StoreChanges(FieldChange.setTo("Night Train House"), FieldChange.keep()))));
        assertEquals("actor_not_found", refused(admin.revoke(created.actor().id())).code());

        assertEquals(List.of("actor " + created.actor().id(), "store " + store.id()), announced);
    }

    @Test
    void a_revocation_heard_from_another_instance_is_refused_at_once_here() {
        var created = staff();
        access.authenticate(created.token());
        // another instance revokes the actor and announces it; this one hears the announcement
        repositories.actors.delete(created.actor().id());
        ForgetAccessUseCase heard = cache;
        heard.forgetActor(created.actor().id());

        assertEquals(Optional.empty(), access.authenticate(created.token()));
    }

    @Test
    void a_store_patch_heard_from_another_instance_is_seen_at_once_here() {
        var store = admin.create(new CreateStoreCommand("Mystery House", SHANGHAI));
        var actor = new Actor(1, "desk", false, Set.of(store.id()));
        done(access.authorize(actor, store.id()));
        repositories.stores.update(store.id(), new StoreChanges(FieldChange.setTo("Night Train House"), FieldChange.keep()));
        ForgetAccessUseCase heard = cache;
        heard.forgetStore(store.id());

        assertEquals("Night Train House", done(access.authorize(actor, store.id())).name());
    }

    @Test
    void forgetting_everything_after_news_may_have_been_lost_looks_every_token_and_store_up_again() {
        var created = staff();
        var store = admin.create(new CreateStoreCommand("Mystery House", SHANGHAI));
        var actor = new Actor(1, "desk", false, Set.of(store.id()));
        access.authenticate(created.token());
        done(access.authorize(actor, store.id()));

        cache.forgetEverything();
        access.authenticate(created.token());
        done(access.authorize(actor, store.id()));

        assertEquals(2, repositories.tokenLookups.get());
        assertEquals(2, repositories.storeLookups.get());
    }

    @Test
    void a_missing_store_is_looked_up_every_time_so_it_is_found_once_created() {
        var admin = access.authenticate(ADMIN_TOKEN).orElseThrow();
        assertEquals(Refusal.Kind.NOT_FOUND, refused(access.authorize(admin, new StoreId(1))).kind());
        assertEquals(Refusal.Kind.NOT_FOUND, refused(access.authorize(admin, new StoreId(1))).kind());
        assertEquals(2, repositories.storeLookups.get());

        var store = this.admin.create(new CreateStoreCommand("First", SHANGHAI));

        assertEquals(store, done(access.authorize(admin, store.id())));
    }

    @Test
    void a_store_the_actor_is_not_allowed_for_is_refused_before_any_lookup() {
        var refusal = refused(access.authorize(new Actor(1, "desk", false, Set.of(new StoreId(2))), new StoreId(3)));

        assertEquals(Refusal.Kind.FORBIDDEN, refusal.kind());
        assertEquals(0, repositories.storeLookups.get());
    }

    @Test
    void the_cache_keeps_at_most_its_capacity_evicting_the_least_recently_used() {
        useCache(new AccessCache(clock, AccessCache.TTL, 2));
        var a = staff();
        var b = staff();
        var c = staff();
        access.authenticate(a.token());
        access.authenticate(b.token());
        access.authenticate(a.token());
        assertEquals(2, repositories.tokenLookups.get());

        access.authenticate(c.token());
        access.authenticate(a.token());
        assertEquals(3, repositories.tokenLookups.get(), "a was used last, so b made room for c");
        access.authenticate(b.token());
        assertEquals(4, repositories.tokenLookups.get());
    }

    @Test
    void whatever_the_order_of_lookups_revocations_and_time_a_token_answers_what_the_repository_holds() {
        useCache(new AccessCache(clock, AccessCache.TTL, 4));
        var random = new Random(20261205);
        var live = new ArrayList<CreateActorUseCase.CreatedActor>();
        var revoked = new ArrayList<CreateActorUseCase.CreatedActor>();
        for (int i = 0; i < 6; i++) {
            live.add(staff());
        }
        for (int step = 0; step < 2_000; step++) {
            switch (random.nextInt(10)) {
                case 0 -> {
                    var gone = live.remove(random.nextInt(live.size()));
                    done(admin.revoke(gone.actor().id()));
                    revoked.add(gone);
                    live.add(staff());
                }
                case 1 -> clock.move(Duration.ofSeconds(random.nextInt(40)));
                case 2 -> {
                    if (!revoked.isEmpty()) {
                        var gone = revoked.get(random.nextInt(revoked.size()));
                        assertEquals(Optional.empty(), access.authenticate(gone.token()), "step " + step);
                    }
                }
                default -> {
                    var known = live.get(random.nextInt(live.size()));
                    assertEquals(Optional.of(known.actor()), access.authenticate(known.token()), "step " + step);
                }
            }
        }
        assertTrue(repositories.tokenLookups.get() < 2_000, "the cache answered some lookups");
    }

    private void useCache(AccessCache cache) {
        access = new AccessService(repositories.actors, repositories.stores, Optional.empty(), cache);
        admin = new StoreService(repositories.stores, repositories.actors, directly, cache, announcer);
    }

    private CreateActorUseCase.CreatedActor staff() {
        return done(admin.create(new CreateActorCommand("desk", Set.of(), false)));
    }
}
