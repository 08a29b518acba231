// Small pieces every page shows the same way: problems, statuses, money, times.
import {html, nothing} from '/webjars/lit-html/lit-html.js';

export const STATUSES = ['PENDING', 'AWAITING_PAYMENT', 'CONFIRMED', 'SHIPPED', 'DELIVERED', 'CANCELLED'];
export const REASONS = ['OUT_OF_STOCK', 'PAYMENT_DECLINED', 'PAYMENT_TIMEOUT', 'CUSTOMER_REQUEST'];

const STATUS_LABELS = {
  PENDING: 'Pending', AWAITING_PAYMENT: 'Awaiting payment', CONFIRMED: 'Confirmed', SHIPPED: 'Shipped',
  DELIVERED: 'Delivered', CANCELLED: 'Cancelled',
};
const REASON_LABELS = {
  OUT_OF_STOCK: 'Out of stock', PAYMENT_DECLINED: 'Payment declined', PAYMENT_TIMEOUT: 'Payment timed out',
  CUSTOMER_REQUEST: 'Cancelled by the customer',
};

export const statusLabel = (status) => STATUS_LABELS[status] || status;
export const reasonLabel = (reason) => REASON_LABELS[reason] || reason;

export const badge = (value, label = statusLabel(value)) => html`<span class="badge ${value}">${label}</span>`;

/** The order's status, and for a cancelled one why, as a customer reads it. */
export function statusOf(order) {
  if (order.status !== 'CANCELLED') {
    return badge(order.status);
  }
  return html`${badge('CANCELLED')} <span class="reason">${reasonLabel(order.cancellationReason)}</span>${
    order.cancellationDetail ? html` <span class="muted">(${order.cancellationDetail})</span>` : nothing}`;
}

export function money(amount, currency) {
  try {
    return new Intl.NumberFormat(undefined, {style: 'currency', currency}).format(Number(amount));
  } catch (unknownCurrency) {
    return `${amount} ${currency}`;
  }
}

export const when = (instant) => (instant ? new Date(instant).toLocaleString() : '');

/** A problem document as a message: its detail, and each invalid field with what is wrong with it. */
export function problem(error) {
  if (!error) {
    return nothing;
  }
  const retry = error.retryAfter ? html` Try again in ${error.retryAfter} s.` : nothing;
  return html`<div class="problem" role="alert">
    <span>${error.message}</span>${retry}
    ${error.fields && error.fields.length ? html`<ul>${error.fields.map((field) =>
      html`<li><strong>${field.field}</strong>: ${field.message}</li>`)}</ul>` : nothing}
  </div>`;
}

export const json = (value) => JSON.stringify(value, null, 2);

/** The trace id of a recorded event: from the W3C {@code traceparent} in its metadata. */
export function traceIdOf(metadata) {
  const parent = metadata && metadata.traceparent;
  const parts = typeof parent === 'string' ? parent.split('-') : [];
  return parts.length === 4 ? parts[1] : null;
}

/**
 * Runs one action of a page: while it runs {@code state.busy} is set (the page disables its buttons), a
 * refusal becomes {@code state.error} (shown as a problem), and the page is shown before and after.
 */
export async function act(state, show, work) {
  state.busy = true;
  state.error = null;
  show();
  try {
    await work();
  } catch (error) {
    state.error = error;
  }
  state.busy = false;
  show();
}
