package io.orderflow.auth.account;

import io.orderflow.auth.token.AccessToken;
import io.orderflow.auth.token.TokenIssuer;
import io.orderflow.contracts.common.BusinessRuleViolation;
import io.orderflow.contracts.common.ErrorCode;
import io.orderflow.platform.security.Role;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Registering as a customer, and logging in for an access token. */
@RestController
@RequestMapping(path = "/api/auth", produces = MediaType.APPLICATION_JSON_VALUE)
@ConditionalOnBooleanProperty(name = "orderflow.auth.enabled", matchIfMissing = true)
class AccountController {

    private final Accounts accounts;
    private final Credentials credentials;
    private final TokenIssuer tokens;

    AccountController(Accounts accounts, Credentials credentials, TokenIssuer tokens) {
        this.accounts = accounts;
        this.credentials = credentials;
        this.tokens = tokens;
    }

    @ApiResponse(responseCode = "201", description = "Account created as CUSTOMER", useReturnTypeSchema = true)
    @PostMapping(path = "/register", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<AccountView>> register(@Valid @RequestBody RegisterRequest request) {
        String email = Credentials.normalizedEmail(request.email());
        return credentials.hash(request.password())
                .map(hash -> new Account(UUID.randomUUID(), email, request.name().strip(), hash, List.of(Role.CUSTOMER.name())))
                .flatMap(account -> accounts.add(account).flatMap(added -> added
                        ? Mono.just(ResponseEntity.status(HttpStatus.CREATED).body(AccountView.of(account)))
                        : Mono.error(new BusinessRuleViolation(ErrorCode.EMAIL_ALREADY_REGISTERED,
                                "An account with this e-mail address exists already. Log in instead."))));
    }

    @ApiResponse(responseCode = "200", description = "An access token", useReturnTypeSchema = true)
    @PostMapping(path = "/token", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<AccessToken>> token(@Valid @RequestBody TokenRequest request) {
        return accounts.byEmail(Credentials.normalizedEmail(request.email()))
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(found -> found
                        .map(account -> credentials.matches(request.password(), account.passwordHash())
                                .filter(Boolean::booleanValue)
                                .map(matched -> tokens.issue(account.id().toString(), account.email(), account.roles())))
                        .orElseGet(() -> credentials.matchesNothing(request.password()).then(Mono.empty())))
                .switchIfEmpty(Mono.error(() -> new BusinessRuleViolation(ErrorCode.INVALID_CREDENTIALS,
                        "The e-mail address or the password is wrong.")))
                .map(token -> ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(token));
    }
}
