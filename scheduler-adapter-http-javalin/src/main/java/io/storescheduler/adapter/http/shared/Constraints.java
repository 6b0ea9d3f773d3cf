package io.storescheduler.adapter.http.shared;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A value read from a request, checked against its Bean Validation constraints: a missing
 * required field is a 400 {@code missing_field}, any other broken bound a 422
 * {@code invalid_value}, each naming its fields as the API spells them.
 */
public record Constraints(Validator validator) {

    public <T> T validated(T value) {
        var violations = validator.validate(value);
        if (violations.isEmpty()) {
            return value;
        }
        var sorted = violations.stream().sorted(Comparator.comparing(v -> v.getPropertyPath().toString())).toList();
        var missing = sorted.stream().filter(Constraints::isMissing).toList();
        if (!missing.isEmpty()) {
            throw new ApiProblem(400, "missing_field", "required fields are missing", errors(missing));
        }
        throw new ApiProblem(422, "invalid_value", "some values are out of bounds", errors(sorted));
    }

    private static boolean isMissing(ConstraintViolation<?> violation) {
        return violation.getConstraintDescriptor().getAnnotation() instanceof NotNull;
    }

    private static List<Map<String, String>> errors(List<? extends ConstraintViolation<?>> violations) {
        return violations.stream()
                .map(v -> Map.of("field", Json.fieldName(v.getPropertyPath().toString()), "message", v.getMessage()))
                .toList();
    }
}
