package dev.orderflow.jmeter.flow;

/** The step of the order flow a sample belongs to; the order summary listener counts by it. */
public enum FlowStep {
    LOGIN,
    PRODUCTS,
    CART,
    ORDER,
    PAGE
}
