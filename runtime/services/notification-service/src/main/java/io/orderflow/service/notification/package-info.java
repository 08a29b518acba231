/** The notification service's entry point. */
package io.orderflow.service.notification;
