package io.orderflow.auth.account;

import io.orderflow.auth.AuthProperties;
import io.orderflow.platform.security.Role;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * Creates the administrator named in {@code orderflow.auth.admin} at start-up, unless an account with that
 * address exists (then it is left as it is: the configured password is only the first one).
 */
@Component
@ConditionalOnBooleanProperty(name = "orderflow.auth.enabled", matchIfMissing = true)
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final AuthProperties properties;
    private final Accounts accounts;
    private final Credentials credentials;

    AdminBootstrap(AuthProperties properties, Accounts accounts, Credentials credentials) {
        this.properties = properties;
        this.accounts = accounts;
        this.credentials = credentials;
    }

    @Override
    public void run(ApplicationArguments args) {
        AuthProperties.Admin admin = properties.admin();
        if (admin == null || !admin.configured()) {
            log.info("No orderflow.auth.admin configured; no administrator account is created");
            return;
        }
        if (!Credentials.hashable(admin.password(), Credentials.MAX_PASSWORD_BYTES)) {
            throw new IllegalStateException("orderflow.auth.admin.password must be at most "
                    + Credentials.MAX_PASSWORD_BYTES + " bytes in UTF-8");
        }
        String email = Credentials.normalizedEmail(admin.email());
        // start-up, on the main thread: waiting here blocks no event loop
        Boolean created = credentials.hash(admin.password())
                .map(hash -> new Account(UUID.randomUUID(), email, admin.name(), hash, List.of(Role.ADMIN.name())))
                .flatMap(accounts::add)
                .block(Duration.ofSeconds(30));
        log.info(Boolean.TRUE.equals(created) ? "Created administrator {}" : "Administrator {} exists already", email);
    }
}
