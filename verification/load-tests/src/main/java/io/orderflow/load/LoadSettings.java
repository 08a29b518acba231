package io.orderflow.load;

import java.time.Duration;

/** What a simulation reads from system properties: where the system is and who administers it. */
final class LoadSettings {

    static final String URL = "orderflow.url";
    static final String ADMIN_EMAIL = "orderflow.admin.email";
    static final String ADMIN_PASSWORD = "orderflow.admin.password";

    private LoadSettings() {
    }

    static String baseUrl() {
        String url = System.getProperty(URL, "http://localhost:8080");
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    static String adminEmail() {
        return required(ADMIN_EMAIL);
    }

    static String adminPassword() {
        return required(ADMIN_PASSWORD);
    }

    static int integer(String property, int defaultValue) {
        return Integer.getInteger(property, defaultValue);
    }

    static Duration duration(String property, Duration defaultValue) {
        String value = System.getProperty(property);
        return value == null || value.isBlank() ? defaultValue : Duration.parse(value);
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("Set -D" + property + " (the administrator the system was started with,"
                    + " orderflow.auth.admin.email / password)");
        }
        return value;
    }
}
