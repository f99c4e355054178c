package dev.orderflow.shop.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RouterTest {

    private final Endpoint a = e -> Reply.noContent();
    private final Endpoint b = e -> Reply.noContent();
    private final Router router = new Router()
            .route("GET", "/", a)
            .route("GET", "/api/cart", a)
            .route("DELETE", "/api/cart", b)
            .route("GET", "/api/orders/{id}", a)
            .route("DELETE", "/api/orders/{id}", b);

    @Test
    void exactPathsMatchWithOrWithoutATrailingSlash() {
        assertThat(router.match("/api/cart").resource().byMethod()).containsEntry("GET", a).containsEntry("DELETE", b);
        assertThat(router.match("/api/cart/").resource()).isSameAs(router.match("/api/cart").resource());
        assertThat(router.match("/").resource().byMethod()).containsKey("GET");
        assertThat(router.match("").resource()).isSameAs(router.match("/").resource());
    }

    @Test
    void templatesBindTheirSegments() {
        Router.Match match = router.match("/api/orders/42/");
        assertThat(match.params()).isEqualTo(Map.of("id", "42"));
        assertThat(match.resource().byMethod()).containsKeys("GET", "DELETE");
        assertThat(router.match("/api/orders/")).isNull();
        assertThat(router.match("/api/orders/1/2")).isNull();
        assertThat(router.match("/api/other/1")).isNull();
    }

    @Test
    void allowListsTheMethodsAndHeadWithGet() {
        assertThat(router.match("/api/cart").resource().allow()).isEqualTo("GET, DELETE, HEAD");
    }

    @Test
    void theJettyErrorCodesFollowTheApi() {
        assertThat(JsonErrorHandler.code(404)).isEqualTo("not_found");
        assertThat(JsonErrorHandler.code(405)).isEqualTo("method_not_allowed");
        assertThat(JsonErrorHandler.code(413)).isEqualTo("payload_too_large");
        assertThat(JsonErrorHandler.code(431)).isEqualTo("bad_request");
        assertThat(JsonErrorHandler.code(503)).isEqualTo("internal");
    }
}
