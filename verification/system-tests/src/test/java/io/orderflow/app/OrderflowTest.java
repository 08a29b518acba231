package io.orderflow.app;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The whole application on the embedded PostgreSQL and Kafka broker. Every end-to-end test uses this
 * one configuration, so they share one application context: two contexts in one JVM would both run
 * processors and consumers against the same database and topics. The administrator of {@link Api} is
 * bootstrapped, password hashing is cheap, and rate limits are out of the way (they have their own test).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = OrderflowApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "orderflow.demo.catalogue-enabled=false",
                "orderflow.saga.payment-timeout=PT4S",
                "orderflow.payment.latency=PT0.005S",
                "logging.level.org.axonframework=WARN",
                "orderflow.auth.admin.email=" + Api.ADMIN_EMAIL,
                "orderflow.auth.admin.password=" + Api.ADMIN_PASSWORD,
                "orderflow.auth.bcrypt-strength=4",
                "orderflow.auth.keys[0].id=" + TestSigningKey.ID,
                "orderflow.auth.keys[0].private-key=" + TestSigningKey.PKCS8,
                "orderflow.edge.rate-limit.customer.requests=1000000",
                "orderflow.edge.rate-limit.anonymous.requests=1000000",
                // tests that stop processors still place orders; AdmissionControlTest has an instance of its own
                "orderflow.edge.admission.max-wait=PT5M",
                // every trace recorded (by SpanRecorder), exported in small delays
                "management.tracing.sampling.probability=1.0",
                "management.opentelemetry.tracing.export.schedule-delay=100ms"
        })
@Import(SpanRecorder.Configuration.class)
public @interface OrderflowTest {
}
