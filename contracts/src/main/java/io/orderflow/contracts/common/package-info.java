/**
 * Value types shared by all messages (typed ids, money) and the stable error codes that the edge
 * turns into problem details.
 */
package io.orderflow.contracts.common;
