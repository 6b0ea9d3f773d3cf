package io.storescheduler.adapter.http.shared;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.storescheduler.domain.id.EntityId;
import java.io.IOException;
import java.util.Locale;

/**
 * The one JSON mapper of the API: snake_case names, strict types (no number from a string, no
 * string from a number, no float into an integer), unknown fields refused, datetimes as ISO 8601
 * strings with their offset. Every body is read within {@link #LIMITS}, so hostile input (deep,
 * or small in bytes but huge as a tree) fails while it is parsed, before any large tree exists.
 */
public final class Json {

    static final int MAX_NESTING_DEPTH = 32;
    static final long MAX_TOKENS = 10_000;
    static final int MAX_NAME_LENGTH = 256;
    static final int MAX_NUMBER_LENGTH = 100;
    static final int MAX_STRING_LENGTH = (int) RequestBody.MAX_BYTES;
    private static final PropertyNamingStrategies.NamingBase NAMING = (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;

    /**
     * The one set of parsing limits. 10,000 tokens hold the largest valid body (1,000 store ids, or
     * 100 characters) many times over, and keep the tree of any body to a few hundred KB.
     */
    static final StreamReadConstraints LIMITS = StreamReadConstraints.builder()
            .maxNestingDepth(MAX_NESTING_DEPTH)
            .maxTokenCount(MAX_TOKENS)
            .maxNameLength(MAX_NAME_LENGTH)
            .maxNumberLength(MAX_NUMBER_LENGTH)
            .maxStringLength(MAX_STRING_LENGTH)
            .build();

    private Json() {}

    public static ObjectMapper mapper() {
        var mapper = JsonMapper.builder(JsonFactory.builder().streamReadConstraints(LIMITS).build())
                .propertyNamingStrategy(NAMING)
                .addModule(new JavaTimeModule())
                .addModule(ids())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .serializationInclusion(JsonInclude.Include.ALWAYS)
                .build();
        refuseCoercions(mapper);
        mapper.getFactory().disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
        return mapper;
    }

    /** A text field takes no number or boolean, and no field takes an empty string for its value. */
    private static void refuseCoercions(ObjectMapper mapper) {
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigDefaults()
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
    }

    /**
     * Typed ids written as the bare numbers they hold, as the API has always sent ids, wherever an
     * answer or a refusal's details carry one. Request bodies take ids as {@code Long}, checked
     * there, and the route makes the typed id.
     */
    private static SimpleModule ids() {
        return new SimpleModule("entity-ids").addSerializer(EntityId.class, new StdSerializer<>(EntityId.class) {
            @Override
            public void serialize(EntityId id, JsonGenerator out, SerializerProvider provider) throws IOException {
                out.writeNumber(id.value());
            }
        });
    }

    /** A Java name (or a path of them, {@code party[0].clientId}) as the API spells it, by the mapper's own naming. */
    static String fieldName(String javaName) {
        return NAMING.translate(javaName);
    }

    /**
     * Which limit a body went beyond, in words a caller can act on. Jackson's own message names
     * its classes and methods, so only the kind of limit is taken from it.
     */
    static String limitExceeded(StreamConstraintsException e) {
        var message = String.valueOf(e.getOriginalMessage()).toLowerCase(Locale.ROOT);
        if (message.contains("nesting depth")) {
            return "the body nests arrays and objects deeper than " + MAX_NESTING_DEPTH + " levels";
        }
        if (message.contains("token count")) {
            return "the body holds more than " + MAX_TOKENS + " JSON tokens (values, names and brackets)";
        }
        if (message.contains("name length")) {
            return "a field name is longer than " + MAX_NAME_LENGTH + " characters";
        }
        if (message.contains("number value length")) {
            return "a number is longer than " + MAX_NUMBER_LENGTH + " digits";
        }
        return "the body is beyond the JSON limits: nesting depth " + MAX_NESTING_DEPTH + ", " + MAX_TOKENS
                + " tokens, names of " + MAX_NAME_LENGTH + " characters, numbers of " + MAX_NUMBER_LENGTH + " digits";
    }
}
