package dev.orderflow.shop.api;

import dev.orderflow.shop.store.LineItem;
import dev.orderflow.shop.store.Order;
import dev.orderflow.shop.store.ProductStock;
import java.util.List;

/** The JSON shapes of API.md, written with snake_case names; prices as strings with two places. */
final class Views {

    private Views() {
    }

    record Line(int productId, int quantity, String price) {
        static Line of(LineItem item) {
            return new Line(item.productId(), item.quantity(), item.price().toPlainString());
        }
    }

    record Cart(List<Line> items, String total) {
        static Cart of(List<LineItem> lines) {
            return new Cart(lines.stream().map(Line::of).toList(), LineItem.total(lines).toPlainString());
        }
    }

    record OrderView(long id, String status, String total, List<Line> items) {
        static OrderView of(Order order) {
            return new OrderView(order.id(), "created", order.total().toPlainString(),
                    order.items().stream().map(Line::of).toList());
        }
    }

    record Product(int id, String name, String price, int stock) {
        static Product of(ProductStock p) {
            return new Product(p.product().id(), p.product().name(), p.product().price().toPlainString(), p.stock());
        }
    }

    record Products(List<Product> products) {
        static Products of(List<ProductStock> list) {
            return new Products(list.stream().map(Product::of).toList());
        }
    }

    record Login(String token, int userId) {
    }

    record Health(String status) {
    }
}
