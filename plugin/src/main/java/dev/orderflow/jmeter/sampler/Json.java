package dev.orderflow.jmeter.sampler;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** Reading the shop's JSON answers: one shared, thread-safe mapper. */
final class Json {

    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private Json() {
    }

    /** The answer as a JSON tree, or null when it is not JSON. */
    static JsonNode parse(byte[] body) {
        try {
            return body.length == 0 ? null : MAPPER.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    /** The node at the pointer, or null when there is none. */
    static JsonNode at(JsonNode root, JsonPointer pointer) {
        if (root == null) {
            return null;
        }
        JsonNode node = root.at(pointer);
        return node.isMissingNode() || node.isNull() ? null : node;
    }
}
