package dev.orderflow.jmeter.sampler;

import dev.orderflow.jmeter.config.ShopSettings;
import dev.orderflow.jmeter.http.HttpExchange;
import dev.orderflow.jmeter.http.HttpResponse;

/**
 * What the samples may show of one exchange, every secret masked ({@link SecretMasks}): the one place that decides
 * it, for the step's sample and for the exchange's sub-result alike, so that both show the same and neither shows
 * more.
 *
 * @param requestLine the method and URL
 * @param requestHead the request line and headers: the auth header's token and Cookie values masked
 * @param requestBody the request body as the sampler gave it (it holds no password), or null
 * @param answerHead  the answer's status line and headers, Set-Cookie values masked; null when no answer came
 * @param answerBody  the answer's body, the token masked when the answer carries one; null when no answer came
 */
record ShownExchange(String requestLine, String requestHead, String requestBody, String answerHead, byte[] answerBody) {

    /**
     * @param requestLine        the method and URL
     * @param shownRequestBody   the request body as it may be shown (the sampler leaves the password out), or null
     * @param answerCarriesToken true for a login answer: the token in its body is masked
     */
    static ShownExchange of(HttpExchange exchange, String requestLine, String shownRequestBody, ShopSettings settings,
                            boolean answerCarriesToken) {
        String head = SecretMasks.requestHead(exchange.requestHead(), settings);
        HttpResponse response = exchange.response();
        if (response == null) {
            return new ShownExchange(requestLine, head, shownRequestBody, null, null);
        }
        // masked before any cut, so that no part of the token is kept either
        byte[] body = answerCarriesToken ? SecretMasks.tokenInBody(response.body(), settings.tokenPointer())
                : response.body();
        return new ShownExchange(requestLine, head, shownRequestBody, SecretMasks.responseHead(response.head()), body);
    }

    /** The request line and body, as JMeter's HTTP Request shows them as its sampler data. */
    String samplerData() {
        return requestBody == null ? requestLine : requestLine + "\n\n" + requestBody;
    }
}
