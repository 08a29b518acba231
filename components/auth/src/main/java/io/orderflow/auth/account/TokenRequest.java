package io.orderflow.auth.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/auth/token}: the credentials of an account. */
record TokenRequest(@NotBlank @Size(max = 254) String email, @NotBlank @Size(max = 200) String password) {
}
