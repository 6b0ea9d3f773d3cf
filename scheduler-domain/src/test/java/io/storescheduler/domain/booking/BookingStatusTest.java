package io.storescheduler.domain.booking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class BookingStatusTest {

    @Test
    void wire_codes_are_the_lower_case_status_names() {
        List<String> codes = Arrays.stream(BookingStatus.values()).map(BookingStatus::code).toList();

        assertEquals(List.of("incomplete", "scheduled", "cancelled", "completed"), codes);
    }

    @ParameterizedTest
    @EnumSource(BookingStatus.class)
    void every_status_reads_back_from_its_wire_code(BookingStatus status) {
        assertEquals(Optional.of(status), BookingStatus.fromCode(status.code()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Scheduled", "SCHEDULED", " scheduled", "done", "canceled"})
    void an_unknown_or_differently_spelled_code_reads_as_no_status(String code) {
        assertEquals(Optional.empty(), BookingStatus.fromCode(code), () -> "code '" + code + "'");
    }

    @Test
    void a_null_code_is_a_programming_error() {
        assertThrows(NullPointerException.class, () -> BookingStatus.fromCode(null));
    }
}
