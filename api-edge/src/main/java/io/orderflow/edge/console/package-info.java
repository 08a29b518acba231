/**
 * The web console for shoppers and operators: static pages under {@code /console/} (files in
 * {@code static/console}, lit-html from its WebJar; docs/decisions/0010) that call the same HTTP API with
 * the same bearer tokens as any other client. This package only routes to them.
 */
package io.orderflow.edge.console;
