package dev.orderflow.jmeter.sampler;

/**
 * A product's id exactly as the shop wrote it in JSON: a number ({@code 7}) or a string ({@code "sku-7"}),
 * so that it goes back into request bodies in the shop's own form.
 */
public record ProductId(String json) {

    @Override
    public String toString() {
        return json;
    }
}
