package io.orderflow.contracts.order;

/** Where an order goes. {@code line2} may be null. {@code country} is an ISO 3166-1 alpha-2 code. */
public record ShippingAddress(String name, String line1, String line2, String city, String postalCode, String country) {
}
