/** A small demo catalogue loaded at start-up so that a newcomer can place an order right away. */
package io.orderflow.app.demo;
