package io.storescheduler.adapter.web.shared;

import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.LongFunction;

/** Reading the board's path and form values: each malformed one is a {@link BadInput} naming it. */
public final class Forms {

    private static final int MAX_DIGITS = 18;

    private Forms() {}

    public static <T> T pathId(Context ctx, String name, LongFunction<T> id) {
        return id.apply(positive(name, ctx.pathParam(name)));
    }

    public static <T> T queryId(Context ctx, String name, LongFunction<T> id) {
        return id.apply(positive(name, ctx.queryParam(name)));
    }

    /** The id form field {@code name}, or empty when it is absent or blank. */
    public static <T> Optional<T> optionalId(Context ctx, String name, LongFunction<T> id) {
        var value = ctx.formParam(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(id.apply(positive(name, value.strip())));
    }

    public static <T> T id(Context ctx, String name, LongFunction<T> id) {
        return optionalId(ctx, name, id).orElseThrow(() -> new BadInput(name + " is missing"));
    }

    public static int integer(String name, String value, int min, int max) {
        try {
            var n = Integer.parseInt(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException | NullPointerException e) {
            // answered below
        }
        throw new BadInput(name + " must be a whole number from " + min + " to " + max);
    }

    public static LocalDate date(String name, String value) {
        try {
            var date = LocalDate.parse(value);
            if (date.getYear() >= 1 && date.getYear() <= 9999) {
                return date;
            }
        } catch (DateTimeParseException | NullPointerException e) {
            // answered below
        }
        throw new BadInput(name + " must be a date as yyyy-mm-dd");
    }

    public static LocalTime time(String name, String value) {
        try {
            return LocalTime.parse(value);
        } catch (DateTimeParseException | NullPointerException e) {
            throw new BadInput(name + " must be a time as hh:mm");
        }
    }

    private static long positive(String name, String value) {
        if (value != null && !value.isEmpty() && value.length() <= MAX_DIGITS && value.chars().allMatch(Character::isDigit)) {
            var n = Long.parseLong(value);
            if (n > 0) {
                return n;
            }
        }
        throw new BadInput(name + " must be a positive whole number");
    }
}
