package dev.orderflow.shop.http;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps paths to their endpoints per method. Paths are exact ({@code /api/cart}) or have one or more
 * {@code {name}} segments ({@code /api/orders/{id}}); a trailing slash means the same path.
 */
public final class Router {

    /** The endpoints of one path by method, in the order they were added (which {@code Allow} lists). */
    public record Resource(Map<String, Endpoint> byMethod) {

        public String allow() {
            List<String> methods = new ArrayList<>(byMethod.keySet());
            if (methods.contains("GET")) {
                methods.add("HEAD");
            }
            return String.join(", ", methods);
        }
    }

    /** A resolved path: its resource and the values of its {@code {name}} segments. */
    public record Match(Resource resource, Map<String, String> params) {
    }

    private record Template(String[] segments, Resource resource) {
    }

    private final Map<String, Resource> exact = new HashMap<>();
    private final List<Template> templates = new ArrayList<>();

    public Router route(String method, String path, Endpoint endpoint) {
        Resource resource = exact.get(path);
        if (resource == null) {
            resource = templates.stream().filter(t -> String.join("/", t.segments()).equals(path))
                    .map(Template::resource).findFirst().orElse(null);
        }
        if (resource == null) {
            resource = new Resource(new LinkedHashMap<>());
            if (path.contains("{")) {
                templates.add(new Template(path.split("/", -1), resource));
            } else {
                exact.put(path, resource);
            }
        }
        resource.byMethod().put(method, endpoint);
        return this;
    }

    /** The match for a request path, or null when no route has it. */
    public Match match(String rawPath) {
        String path = withoutTrailingSlash(rawPath);
        Resource resource = exact.get(path);
        if (resource != null) {
            return new Match(resource, Map.of());
        }
        String[] segments = path.split("/", -1);
        for (Template template : templates) {
            Map<String, String> params = bind(template.segments(), segments);
            if (params != null) {
                return new Match(template.resource(), params);
            }
        }
        return null;
    }

    private static Map<String, String> bind(String[] template, String[] segments) {
        if (template.length != segments.length) {
            return null;
        }
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < template.length; i++) {
            String t = template[i];
            if (t.startsWith("{") && t.endsWith("}")) {
                if (segments[i].isEmpty()) {
                    return null;
                }
                params.put(t.substring(1, t.length() - 1), segments[i]);
            } else if (!t.equals(segments[i])) {
                return null;
            }
        }
        return params;
    }

    static String withoutTrailingSlash(String path) {
        if (path == null || path.isEmpty()) {
            return "/";
        }
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
