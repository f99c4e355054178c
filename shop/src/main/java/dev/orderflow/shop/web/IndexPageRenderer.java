package dev.orderflow.shop.web;

import dev.orderflow.shop.store.ProductStock;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Renders the shop's index page: a table of the products with name, price and stock. */
public final class IndexPageRenderer {

    private IndexPageRenderer() {
    }

    public static byte[] render(List<ProductStock> products) {
        StringBuilder html = new StringBuilder(200 + products.size() * 120);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>orderflow shop</title>\n</head>\n<body>\n<h1>orderflow shop</h1>\n")
                .append("<table id=\"products\">\n"
                        + "<thead><tr><th>id</th><th>name</th><th>price</th><th>stock</th></tr></thead>\n<tbody>\n");
        for (ProductStock p : products) {
            html.append("<tr data-product-id=\"").append(p.product().id()).append("\"><td>")
                    .append(p.product().id()).append("</td><td>");
            escape(p.product().name(), html);
            html.append("</td><td>").append(p.product().price().toPlainString())
                    .append("</td><td>").append(p.stock()).append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n</body>\n</html>\n");
        return html.toString().getBytes(StandardCharsets.UTF_8);
    }

    static void escape(String text, StringBuilder out) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
    }
}
