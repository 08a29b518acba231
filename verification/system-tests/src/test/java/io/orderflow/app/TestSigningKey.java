package io.orderflow.app;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * The signing key of the test application, configured like a production key ({@code orderflow.auth.keys}),
 * so that tests can sign tokens the application would never issue: expired, not yet valid, of another issuer.
 * A test key, generated for this purpose only.
 */
final class TestSigningKey {

    static final String ID = "test-2026-01";
    static final String PKCS8 = "MIIEvgIBADANBgkqhkiG9w0BAQEFAASCBKgwggSkAgEAAoIBAQDgCKmKsTeXHqM0Qt395QyX2VclBXqEQu6M/234/66dp+l/4CABZW7uHb+HW7SJu1gH2+S4QQ9ih0e2ewcaQXHbpn/1BNtMAhHe66s3bVH/OEDqym7bD32os8cWQuattPtOsFIuMHGzkSpI3WlRPD+5ui0ZnmJabrXV/0XIaQqSsy6aKBeZ7ibhvZRK0Nsk2wcl8vugzFDCuN1p6CQZdzUDBTFL+wgLITf/XPc0QA0JBu3KBbBcDHzukzrpdtt0AL5Jqa1P+MVFZyKE/A5xKPtGf4VHoHhb+K0mGYgMzzq5VQrWojHxFECYoCOD5LfI9ms4/LYDs3um4cCXPaLqaouhAgMBAAECggEARpSUDVzNna+KTUGvvHh34jMX0FMMiTSpAQTL+cFbmtG2r5HFo4r4Ss5Wc+eBVk8OadNuGFpu5WSnRCc4Up5Bp6ip8WBpUmXoiWmH1Ht9dMGdOhsyl5MmzIpu82V6VUmKTv0ftuuONrtKLhCLSIuJrBKqeMK8S69LXDMDIiNtsE9qOSamQiyKf8IlJvqqn4J0ijLjkK0QnNzXNRkBmGrKqiIsv6tf3mHHKaQzaBSZl+riwCcq4gmAb7e6Uvl5+6SxvmZGvyELmLdmjQw7XYKBrbL4OeDHxmmytygIBFwnpNkkH0sw2mJhYuuuhVJV9RcmCibVhGtDNfT6HC/Cz9fYDQKBgQDzZ2zxWNi3LRnIfz49v2HjJaGCyiHDWqJjqwURoW/C/WtnJfkulB7Cp8mhvQYJI3AD6jYZGIskZdmwFqGlrHtfhN7D2syZOl6jbLqa2yvo0rJfaRG7/cx9DH5kcnX9FLSWb5oQlVJgShy+ooYnpHHKXfpzOVMGoeQGvWquzPHsAwKBgQDroJ/BVFRNhKXq2leQVpGaYLbfhOmY4GBSkN8+pBCuetWUHbLMwk/+iwbEWHcCajoZfExio+bjDURVwo46F7vCZIcAWnr1QV180fgR2T3kI9IItYRjFL2QN9NESBRtR5Ni+gRMFx04wbXm1UhBBR9tTBNv/mfAk12E3k04Fz0iiwKBgQCNZTyFK16hcmKy9S/8AMxlfrvHVZKtgF4rVfLY3hYliL+2qPmLFGKWI5BfE4aJEnwE2i7Y/0f9OelugIcgzgTRZUdfMSB/tse5WfVA9icY1iTmhgvWUEZVMkfOJCvke/24ElbGYWf8JbFzEMisCLxNmbBe9SMFDFCBldF+f/HdbwKBgDnMcOOvl+5b94cggBI76gOAbdtucw65G2eled2XyS/Dmdh3YICxuYWq/MH1IVxKSm4t+17G7cAMZRLUYqcFY11P433GtBqtKg2QQ9W9AF2SG9dfD1ZupAFYcE5zj+8ue4zv31X65YQioEg7UToB06+v1aTHNxQaEfqhvTdhG/H5AoGBAM5l4MH6dCF/ogYjNyEFYPfi2e10AYzzVpCpNyF2cAayeEOADun4taGLmSYPdCAX+LsEMftJoYOh47ovh2sdrjEWwyWtUWHgzP3wYCmzOoBVZAvPRTmd7w1d/UmKxlbGQ45X2X94m3wu9ZFB6AOFt/ZBklqPa8jmcTCDjnay1Wke";

    private TestSigningKey() {
    }

    /** A token with the application's issuer and audience, valid now for 15 minutes, changed by the test. */
    static String sign(String subject, List<String> roles, UnaryOperator<JWTClaimsSet.Builder> change) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer("orderflow").audience("orderflow-api").subject(subject).claim("roles", roles)
                .issueTime(Date.from(now)).notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(15)))).jwtID(UUID.randomUUID().toString());
        try {
            PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(PKCS8)));
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(ID).type(JOSEObjectType.JWT).build(),
                    change.apply(claims).build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
