package dev.orderflow.jmeter.config;

import java.beans.PropertyDescriptor;

import org.apache.jmeter.testbeans.BeanInfoSupport;
import org.apache.jmeter.testbeans.gui.FileEditor;
import org.apache.jmeter.testbeans.gui.TypeEditor;

/** The GUI form of a {@link ShopConnection}: groups, defaults and editors; labels are in the resources. */
public class ShopConnectionBeanInfo extends BeanInfoSupport {

    public ShopConnectionBeanInfo() {
        super(ShopConnection.class);

        group("server", ShopField.PROTOCOL, ShopField.HOST, ShopField.PORT);
        group("connection", ShopField.CONNECT_TIMEOUT, ShopField.RESPONSE_TIMEOUT, ShopField.KEEP_ALIVE,
                ShopField.ACCEPT_ANY_CERTIFICATE, ShopField.HTTP_VERSION, ShopField.MAX_REDIRECTS, ShopField.PROXY);
        group("paths", ShopField.LOGIN_PATH, ShopField.PRODUCTS_PATH, ShopField.CART_ITEMS_PATH, ShopField.ORDERS_PATH,
                ShopField.CART_CLEAR_METHOD, ShopField.CART_CLEAR_PATH);
        group("requests", ShopField.LOGIN_BODY, ShopField.CART_ITEM_BODY, ShopField.ORDER_BODY,
                ShopField.AUTH_HEADER_NAME, ShopField.AUTH_HEADER_TEMPLATE, ShopField.IDEMPOTENCY_HEADER);
        group("answers", ShopField.TOKEN_POINTER, ShopField.PRODUCTS_POINTER, ShopField.PRODUCT_ID_POINTER,
                ShopField.STOCK_POINTER, ShopField.REJECTED_PRODUCT_POINTER);
        group("users", ShopField.USERS_FILE);
        group("results", ShopField.KEPT_RESPONSE_BYTES);

        for (ShopField field : ShopField.values()) {
            PropertyDescriptor p = field == ShopField.PROTOCOL || field == ShopField.HTTP_VERSION
                    ? property(field.property(), TypeEditor.ComboStringEditor)
                    : property(field.property());
            p.setValue(NOT_UNDEFINED, Boolean.TRUE);
            boolean flag = field == ShopField.KEEP_ALIVE || field == ShopField.ACCEPT_ANY_CERTIFICATE;
            p.setValue(DEFAULT, flag ? (Object) Boolean.valueOf(field.defaultValue()) : field.defaultValue());
            if (flag) {
                p.setValue(NOT_EXPRESSION, Boolean.TRUE);
                p.setValue(NOT_OTHER, Boolean.TRUE);
            }
        }
        PropertyDescriptor protocol = property(ShopField.PROTOCOL.property());
        protocol.setValue(TAGS, new String[] {"http", "https"});
        protocol.setValue(NOT_OTHER, Boolean.FALSE); // ${__P(protocol,http)} is welcome
        PropertyDescriptor httpVersion = property(ShopField.HTTP_VERSION.property());
        httpVersion.setValue(TAGS, new String[] {"HTTP/1.1", "HTTP/2", "auto"});
        httpVersion.setValue(NOT_OTHER, Boolean.FALSE); // ${__P(http_version,HTTP/1.1)} is welcome
        property(ShopField.USERS_FILE.property()).setPropertyEditorClass(FileEditor.class);
    }

    private void group(String name, ShopField... fields) {
        String[] properties = new String[fields.length];
        for (int i = 0; i < fields.length; i++) {
            properties[i] = fields[i].property();
        }
        createPropertyGroup(name, properties);
    }
}
