package io.orderflow.edge.catalogue;

import java.time.Duration;
import java.util.Currency;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Catalogue settings of the edge.
 *
 * @param defaultCurrency the ISO 4217 currency of a new product whose request names none
 * @param createdWait      how long adding a product waits for the catalogue read model to show it before
 *                         answering 201, so that an order placed right after the 201 finds it; after that, the
 *                         201 is sent anyway (the product exists) and a warning logged
 */
@ConfigurationProperties("orderflow.catalogue")
public record CatalogueProperties(@DefaultValue("EUR") String defaultCurrency,
                                  @DefaultValue("5s") Duration createdWait) {

    public CatalogueProperties {
        // fail at start-up rather than on the first product
        Currency.getInstance(defaultCurrency);
    }
}
