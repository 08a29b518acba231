package io.orderflow.auth.token;

/** The answer to a login: the token, its type for the {@code Authorization} header, and its lifetime in seconds. */
public record AccessToken(String accessToken, String tokenType, long expiresIn) {
}
