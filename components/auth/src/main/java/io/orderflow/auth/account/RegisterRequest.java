package io.orderflow.auth.account;

import jakarta.validation.GroupSequence;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/auth/register}. The password's length in bytes is checked once the rest holds. */
@GroupSequence({RegisterRequest.class, HashablePassword.Checked.class})
record RegisterRequest(
        @NotBlank @Email @Size(max = 254) String email,
        @NotBlank @Size(min = 8, max = 72) @HashablePassword(groups = HashablePassword.Checked.class) String password,
        @NotBlank @Size(max = 200) String name) {
}
