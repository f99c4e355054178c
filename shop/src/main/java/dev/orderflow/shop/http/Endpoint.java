package dev.orderflow.shop.http;

/** Answers one method on one path. */
@FunctionalInterface
public interface Endpoint {

    Reply handle(Exchange exchange);
}
