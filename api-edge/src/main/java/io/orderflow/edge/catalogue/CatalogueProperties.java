package io.orderflow.edge.catalogue;

import java.util.Currency;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Catalogue settings of the edge.
 *
 * @param defaultCurrency the ISO 4217 currency of a new product whose request names none
 */
@ConfigurationProperties("orderflow.catalogue")
public record CatalogueProperties(@DefaultValue("EUR") String defaultCurrency) {

    public CatalogueProperties {
        // fail at start-up rather than on the first product
        Currency.getInstance(defaultCurrency);
    }
}
