package io.storescheduler.adapter.http.access;

import io.storescheduler.adapter.http.shared.ApiProblem;
import io.storescheduler.domain.store.OpeningHours;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Opening hours on the wire: {@code {"mon": [{"open": "10:00", "close": "23:30"}], ...}}, in the store's local time. */
final class OpeningHoursBody {

    private static final Pattern TIME = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");

    /** One span of a weekday. */
    record SpanBody(String open, String close) {}

    private OpeningHoursBody() {}

    /** The hours a body sends; null or {} is always open. Every fault is a 422 naming where it is. */
    static OpeningHours read(Map<String, List<SpanBody>> body) {
        if (body == null) {
            return OpeningHours.alwaysOpen();
        }
        var days = new EnumMap<DayOfWeek, List<OpeningHours.Span>>(DayOfWeek.class);
        body.forEach((name, spans) -> {
            var field = "opening_hours." + name;
            days.put(weekday(field, name), spans(field, spans));
        });
        return new OpeningHours(days);
    }

    private static DayOfWeek weekday(String field, String name) {
        var day = OpeningHours.day(name);
        if (day == null) {
            throw invalid(field, "a weekday is one of mon, tue, wed, thu, fri, sat, sun");
        }
        return day;
    }

    private static List<OpeningHours.Span> spans(String field, List<SpanBody> spans) {
        if (spans == null || spans.size() > OpeningHours.MAX_SPANS_A_DAY) {
            throw invalid(field, "a weekday holds a list of at most " + OpeningHours.MAX_SPANS_A_DAY + " spans");
        }
        var read = new ArrayList<OpeningHours.Span>();
        for (int i = 0; i < spans.size(); i++) {
            read.add(span(field + "[" + i + "]", spans.get(i)));
        }
        return read;
    }

    private static OpeningHours.Span span(String field, SpanBody span) {
        if (span == null) {
            throw invalid(field, "a span is {open, close}");
        }
        return new OpeningHours.Span(time(field + ".open", span.open()), time(field + ".close", span.close()));
    }

    /** The hours as the answer shows them: every weekday that has spans, Monday first; {} when always open. */
    static Map<String, List<SpanBody>> write(OpeningHours hours) {
        var body = new LinkedHashMap<String, List<SpanBody>>();
        for (var day : DayOfWeek.values()) {
            var spans = hours.days().get(day);
            if (spans != null) {
                body.put(OpeningHours.dayName(day), spans.stream().map(s -> new SpanBody(s.open().toString(), s.close().toString())).toList());
            }
        }
        return body;
    }

    private static LocalTime time(String field, String value) {
        if (value == null || !TIME.matcher(value).matches()) {
            throw invalid(field, "a local time such as \"10:00\" or \"23:30\"");
        }
        return LocalTime.parse(value);
    }

    private static ApiProblem invalid(String field, String message) {
        return new ApiProblem(422, "invalid_value", field + ": " + message, List.of(Map.of("field", field, "message", message)));
    }
}
