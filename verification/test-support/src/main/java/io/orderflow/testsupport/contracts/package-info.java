/**
 * The Kafka messages of the contracts as tests meet them: each JSON Schema's examples, as a producer of version 1
 * sent them and as a later compatible version might, and the check of a message against its schema.
 */
package io.orderflow.testsupport.contracts;
