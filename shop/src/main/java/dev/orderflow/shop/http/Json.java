package dev.orderflow.shop.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The shop's one JSON mapper: snake_case names out, strict parsing in. */
public final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private Json() {
    }

    public static byte[] bytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** The body as a JSON object; anything else (empty, malformed, an array, a number …) is a 400. */
    public static ObjectNode object(byte[] body) {
        JsonNode node;
        try {
            node = MAPPER.readTree(body);
        } catch (IOException e) {
            throw ApiException.badRequest("the body is not valid JSON");
        }
        if (node == null || node.isMissingNode()) {
            throw ApiException.badRequest("the body is empty; a JSON object is expected");
        }
        if (!node.isObject()) {
            throw ApiException.badRequest("the body must be a JSON object");
        }
        return (ObjectNode) node;
    }

    public static String requiredString(ObjectNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            throw ApiException.badRequest("the field " + field + " is missing");
        }
        if (!node.isTextual()) {
            throw ApiException.badRequest("the field " + field + " must be a string");
        }
        return node.textValue();
    }

    public static int requiredInt(ObjectNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            throw ApiException.badRequest("the field " + field + " is missing");
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw ApiException.badRequest("the field " + field + " must be a whole number");
        }
        return node.intValue();
    }
}
