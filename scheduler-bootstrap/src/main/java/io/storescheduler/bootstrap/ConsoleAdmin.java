package io.storescheduler.bootstrap;

import io.storescheduler.adapter.http.SchedulerApi;
import io.storescheduler.application.access.Actor;
import io.storescheduler.application.access.CreateActorUseCase.CreateActorCommand;
import io.storescheduler.application.shared.Outcome;
import io.storescheduler.application.shared.Page;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * The admin actor whose token is printed on the console: at the first start on the embedded
 * database without {@code SCHEDULER_ADMIN_TOKEN}, so a person's first booking needs no restart,
 * and by {@code scheduler admin-token}, which revokes it and makes a new one, for a token that was
 * lost (no admin token is at hand then to ask {@code POST /actors} for one). Its token is stored
 * hashed like every token; its name says when and how the token was printed, which later starts
 * tell.
 */
final class ConsoleAdmin {

    static final String NAME_PREFIX = "console admin: ";
    static final String RENEW_COMMAND = "./scheduler admin-token";

    /** What the start found or did. */
    sealed interface AtStart {}

    /** This start made the admin actor; its token is shown this once. */
    record Made(String token) implements AtStart {}

    /** An earlier start or {@code admin-token} printed the token, as {@code printed} says. */
    record PrintedBefore(String printed) implements AtStart {}

    /** The database has admins of its own (made through {@code POST /actors}): nothing is made. */
    record OtherAdmins() implements AtStart {}

    private ConsoleAdmin() {}

    /** Makes the console admin unless the database has an admin actor already. */
    static AtStart atStart(SchedulerApi.UseCases useCases, Clock clock) {
        var admins = admins(useCases);
        var console = admins.stream().filter(ConsoleAdmin::isConsoleAdmin).findFirst();
        if (console.isPresent()) {
            return new PrintedBefore(console.get().name().substring(NAME_PREFIX.length()));
        }
        if (!admins.isEmpty()) {
            return new OtherAdmins();
        }
        return new Made(make(useCases, "token printed at the first start on " + LocalDate.now(clock)));
    }

    /** Revokes every console admin and makes a new one: its token, shown this once. */
    static String renew(SchedulerApi.UseCases useCases, Clock clock) {
        admins(useCases).stream().filter(ConsoleAdmin::isConsoleAdmin)
                .forEach(actor -> done(useCases.access().revokeActor().revoke(actor.id())));
        return make(useCases, "token printed by " + RENEW_COMMAND + " on " + LocalDate.now(clock));
    }

    private static String make(SchedulerApi.UseCases useCases, String printed) {
        return done(useCases.access().createActor().create(new CreateActorCommand(NAME_PREFIX + printed, Set.of(), true))).token();
    }

    private static <T> T done(Outcome<T> outcome) {
        return switch (outcome) {
            case Outcome.Done<T> done -> done.value();
            case Outcome.Refused<T> refused -> throw new IllegalStateException("the console admin was refused: " + refused.refusal());
        };
    }

    private static boolean isConsoleAdmin(Actor actor) {
        return actor.name().startsWith(NAME_PREFIX);
    }

    private static List<Actor> admins(SchedulerApi.UseCases useCases) {
        return Page.all(useCases.access().listActors()::listActors).stream().filter(Actor::admin).toList();
    }
}
