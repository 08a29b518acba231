// The shopper's pages: sign-in and registration, the live catalogue, the cart and checkout, an order
// followed live, and the list of one's orders.
import {html, nothing} from '/webjars/lit-html/lit-html.js';
import {call, follow, get, post, session, signIn, uuid} from './api.js';
import {addToCart, cartItems, clearCart, setQuantity} from './cart.js';
import {STATUSES, act, money, problem, statusLabel, statusOf, when, reasonLabel} from './view.js';

const CHECKOUT = 'orderflow.checkout';
const CANCELLABLE = ['PENDING', 'AWAITING_PAYMENT', 'CONFIRMED'];

const field = (name, label, {type = 'text', autocomplete = 'off', maxlength = 200} = {}) => html`
  <label for="f-${name}">${label}
    <input id="f-${name}" name=${name} type=${type} autocomplete=${autocomplete} required maxlength=${maxlength}>
  </label>`;

function values(form) {
  return Object.fromEntries(new FormData(form).entries());
}

export function signInPage(page) {
  const state = {error: null, busy: false};
  const returnTo = page.query.get('returnTo') || '/';
  const expired = page.query.get('expired') === '1';
  const submit = async (event) => {
    event.preventDefault();
    const {email, password} = values(event.target);
    state.busy = true;
    show();
    try {
      const answer = await call('POST', '/api/auth/token', {body: {email, password}, anonymous: true});
      signIn(answer.accessToken);
      page.go(returnTo === '/sign-in' ? '/' : returnTo);
    } catch (error) {
      state.error = error;
      state.busy = false;
      show();
    }
  };
  const show = () => page.show(html`
    <h1>Sign in</h1>
    ${expired ? html`<p class="problem" role="alert">Your session has expired. Sign in again.</p>` : nothing}
    ${problem(state.error)}
    <form class="stack" @submit=${submit}>
      ${field('email', 'E-mail', {type: 'email', autocomplete: 'username'})}
      ${field('password', 'Password', {type: 'password', autocomplete: 'current-password'})}
      <div><button type="submit" ?disabled=${state.busy}>Sign in</button></div>
    </form>
    <p>New here? <a href="#/register">Register</a>.</p>`);
  show();
}

export function registerPage(page) {
  const state = {error: null, busy: false};
  const submit = async (event) => {
    event.preventDefault();
    const {name, email, password} = values(event.target);
    state.busy = true;
    show();
    try {
      await call('POST', '/api/auth/register', {body: {name, email, password}, anonymous: true});
      const answer = await call('POST', '/api/auth/token', {body: {email, password}, anonymous: true});
      signIn(answer.accessToken);
      page.go('/');
      page.tell(`Welcome, ${name}. You are signed in.`);
    } catch (error) {
      state.error = error;
      state.busy = false;
      show();
    }
  };
  const show = () => page.show(html`
    <h1>Register</h1>
    ${problem(state.error)}
    <form class="stack" @submit=${submit}>
      ${field('name', 'Name', {autocomplete: 'name'})}
      ${field('email', 'E-mail', {type: 'email', autocomplete: 'email'})}
      ${field('password', 'Password (at least 8 characters)', {type: 'password', autocomplete: 'new-password'})}
      <div><button type="submit" ?disabled=${state.busy}>Register</button></div>
    </form>`);
  show();
}

/** Products as the catalogue stream tells them: the whole list, then each product that changed. */
export function followProducts(page, changed) {
  const products = new Map();
  page.onLeave(follow('/api/products/stream', (name, data) => {
    if (name === 'products') {
      products.clear();
      data.forEach((product) => products.set(product.productId, product));
    } else if (name === 'product') {
      products.set(data.productId, data);
    }
    changed([...products.values()].sort((a, b) => a.name.localeCompare(b.name)), null);
  }, (error) => error && changed([...products.values()], error)));
}

export function catalogue(page) {
  const state = {products: null, error: null};
  const add = (product) => (event) => {
    event.preventDefault();
    const quantity = Number(values(event.target).quantity);
    addToCart(product.productId, quantity);
    page.tell(`${quantity} × ${product.name} added to your cart.`);
  };
  const card = (product) => html`
    <section class="card" aria-labelledby="p-${product.productId}">
      <h2 id="p-${product.productId}">${product.name}</h2>
      <p><span class="price">${money(product.price, product.currency)}</span> ·
        ${product.available > 0 ? html`<span class="stock">${product.available} in stock</span>`
          : html`<span class="stock stock-out">Out of stock</span>`}</p>
      <form class="row" @submit=${add(product)}>
        <label for="q-${product.productId}">Quantity
          <input id="q-${product.productId}" name="quantity" type="number" min="1" max="10000" value="1" required>
        </label>
        <button type="submit">Add to cart</button>
      </form>
    </section>`;
  const show = () => page.show(html`
    <h1>Catalogue</h1>
    ${problem(state.error)}
    ${state.products === null ? html`<p>Loading the catalogue…</p>`
      : state.products.length === 0 ? html`<p>The catalogue is empty.</p>`
        : html`<div class="grid">${state.products.map(card)}</div>`}`);
  show();
  followProducts(page, (products, error) => {
    state.products = products;
    state.error = error;
    show();
  });
}

function checkoutKey(body) {
  const text = JSON.stringify(body);
  try {
    const saved = JSON.parse(sessionStorage.getItem(CHECKOUT));
    if (saved && saved.body === text) {
      return saved.key;
    }
  } catch (unreadable) {
    // a new key below
  }
  const key = uuid();
  sessionStorage.setItem(CHECKOUT, JSON.stringify({key, body: text}));
  return key;
}

export function cartPage(page) {
  const state = {products: new Map(), error: null, busy: false};
  const user = session();
  const lines = () => Object.entries(cartItems()).map(([productId, quantity]) => ({
    productId, quantity, product: state.products.get(productId),
  }));
  const place = async (event) => {
    event.preventDefault();
    if (state.busy) {
      return;
    }
    const address = values(event.target);
    const body = {
      lines: lines().map(({productId, quantity}) => ({productId, quantity})),
      shippingAddress: {name: address.name, line1: address.line1, city: address.city,
        postalCode: address.postalCode, country: address.country.toUpperCase()},
    };
    // the same key for the same order until it is placed: a second click or a retry places it once
    const key = checkoutKey(body);
    state.busy = true;
    state.error = null;
    show();
    try {
      const placed = await post('/api/orders', body, {'Idempotency-Key': key});
      sessionStorage.removeItem(CHECKOUT);
      clearCart();
      page.go(`/orders/${placed.orderId}`);
    } catch (error) {
      if (error.code !== 'IDEMPOTENCY_KEY_IN_USE') {
        state.error = error;
      }
      state.busy = false;
      show();
    }
  };
  const change = (productId) => (event) => {
    setQuantity(productId, Number(event.target.value));
    show();
  };
  const remove = (productId) => () => {
    setQuantity(productId, 0);
    show();
  };
  const row = ({productId, quantity, product}) => html`<tr>
    <td>${product ? product.name : productId}</td>
    <td class="num">${product ? money(product.price, product.currency) : ''}</td>
    <td class="num"><input type="number" min="0" max="10000" .value=${String(quantity)}
             aria-label="Quantity of ${product ? product.name : productId}" @change=${change(productId)}></td>
    <td><button type="button" class="secondary" @click=${remove(productId)}>Remove</button></td>
  </tr>`;
  const checkout = () => (user ? html`
    <h2>Shipping address</h2>
    <form class="stack" @submit=${place}>
      ${field('name', 'Name', {autocomplete: 'name'})}
      ${field('line1', 'Street and number', {autocomplete: 'address-line1'})}
      ${field('city', 'City', {autocomplete: 'address-level2'})}
      ${field('postalCode', 'Postal code', {autocomplete: 'postal-code', maxlength: 20})}
      ${field('country', 'Country (two letters, e.g. GB)', {autocomplete: 'country', maxlength: 2})}
      <div><button type="submit" id="place-order" ?disabled=${state.busy}>Place order</button></div>
    </form>` : html`<p><a href="#/sign-in?returnTo=%2Fcart">Sign in</a> to place your order.</p>`);
  const show = () => {
    const items = lines();
    page.show(html`
      <h1>Cart</h1>
      ${problem(state.error)}
      ${items.length === 0 ? html`<p>Your cart is empty. <a href="#/">Browse the catalogue</a>.</p>` : html`
        <div class="table"><table>
          <caption class="muted">Items in your cart</caption>
          <thead><tr><th>Product</th><th class="num">Price</th><th class="num">Quantity</th><th></th></tr></thead>
          <tbody>${items.map(row)}</tbody>
        </table></div>
        ${checkout()}`}`);
  };
  show();
  get('/api/products').then((products) => {
    products.forEach((product) => state.products.set(product.productId, product));
    show();
  }, (error) => {
    state.error = error;
    show();
  });
}

export function orderPage(page) {
  const state = {order: null, history: [], error: null, busy: false, live: true};
  const id = page.params.id;
  const loadHistory = () => get(`/api/orders/${encodeURIComponent(id)}/history`).then((history) => {
    state.history = history.changes;
    show();
  }, () => {});
  const cancel = () => act(state, show, async () => {
    await post(`/api/orders/${encodeURIComponent(id)}/cancel`, undefined, {'Idempotency-Key': uuid()});
    page.tell('Cancellation requested.');
  });
  const show = () => {
    const order = state.order;
    page.show(html`
      <h1>Order</h1>
      <p class="muted">Order id <code>${id}</code></p>
      ${problem(state.error)}
      ${order === null ? html`<p>Waiting for the order…</p>` : html`
        <p class="status-now" id="order-status" aria-live="polite">Status: ${statusOf(order)}</p>
        ${state.live && !['DELIVERED', 'CANCELLED'].includes(order.status)
          ? html`<p class="muted">This page follows the order live.</p>` : nothing}
        ${CANCELLABLE.includes(order.status) ? html`<div class="actions">
          <button type="button" class="danger" ?disabled=${state.busy} @click=${cancel}>Cancel order</button>
        </div>` : nothing}
        <div class="table"><table>
          <caption class="muted">Lines</caption>
          <thead><tr><th>Product</th><th class="num">Quantity</th><th class="num">Price</th><th class="num">Total</th></tr></thead>
          <tbody>${order.lines.map((line) => html`<tr><td>${line.name}</td><td class="num">${line.quantity}</td>
            <td class="num">${money(line.unitPrice, order.currency)}</td>
            <td class="num">${money(line.lineTotal, order.currency)}</td></tr>`)}</tbody>
        </table></div>
        <p>Subtotal ${money(order.subtotal, order.currency)} · tax ${money(order.tax, order.currency)} ·
          <strong>total ${money(order.total, order.currency)}</strong></p>
        <h2>History</h2>
        <ol>${state.history.map((change) => html`<li>${when(change.at)}: ${statusLabel(change.status)}${
          change.cancellationReason ? html` (${reasonLabel(change.cancellationReason)})` : nothing}</li>`)}</ol>`}`);
  };
  show();
  page.onLeave(follow(`/api/orders/${encodeURIComponent(id)}/stream`, (name, order) => {
    state.order = order;
    show();
    loadHistory();
  }, (error) => {
    state.live = false;
    state.error = error;
    show();
  }));
}

export function myOrders(page) {
  const user = session();
  const statuses = page.query.getAll('status');
  const from = page.query.get('from') || '';
  const to = page.query.get('to') || '';
  const number = Number(page.query.get('page') || 0);
  const state = {result: null, error: null};
  const link = (toPage) => {
    const query = new URLSearchParams(page.query);
    query.set('page', String(toPage));
    return `/orders?${query}`;
  };
  const filter = (event) => {
    event.preventDefault();
    const form = new FormData(event.target);
    const query = new URLSearchParams();
    form.getAll('status').forEach((status) => query.append('status', status));
    ['from', 'to'].forEach((name) => form.get(name) && query.set(name, form.get(name)));
    page.go(`/orders?${query}`);
  };
  const show = () => {
    const result = state.result;
    page.show(html`
      <h1>My orders</h1>
      <form class="stack" @submit=${filter} aria-label="Filter orders">
        <fieldset><legend>Status</legend>${STATUSES.map((status) => html`
          <label class="check"><input type="checkbox" name="status" value=${status} .checked=${statuses.includes(status)}>
            ${statusLabel(status)}</label> `)}</fieldset>
        <div class="row">
          <label for="f-from">Placed from <input id="f-from" name="from" type="date" .value=${from}></label>
          <label for="f-to">until (not including) <input id="f-to" name="to" type="date" .value=${to}></label>
          <button type="submit">Filter</button>
        </div>
      </form>
      ${problem(state.error)}
      ${result === null ? html`<p>Loading…</p>` : html`
        <p class="muted" id="orders-total">${result.total} order${result.total === 1 ? '' : 's'}</p>
        <div class="table"><table>
          <caption class="muted">Your orders, newest first</caption>
          <thead><tr><th>Placed</th><th>Status</th><th class="num">Total</th><th>Order</th></tr></thead>
          <tbody>${result.items.map((order) => html`<tr>
            <td>${when(order.createdAt)}</td><td>${statusOf(order)}</td>
            <td class="num">${money(order.total, order.currency)}</td>
            <td><a href="#/orders/${order.orderId}">Open</a></td></tr>`)}</tbody>
        </table></div>
        <nav class="pager" aria-label="Pages">
          ${number > 0 ? html`<a href="#${link(number - 1)}">Previous page</a>` : nothing}
          <span>Page ${number + 1} of ${Math.max(result.totalPages, 1)}</span>
          ${number + 1 < result.totalPages ? html`<a href="#${link(number + 1)}">Next page</a>` : nothing}
        </nav>`}`);
  };
  show();
  const query = new URLSearchParams({customerId: user.id, page: String(number), size: '10'});
  statuses.forEach((status) => query.append('status', status));
  if (from) {
    query.set('from', from);
  }
  if (to) {
    query.set('to', to);
  }
  get(`/api/orders?${query}`).then((result) => {
    state.result = result;
    show();
  }, (error) => {
    state.error = error;
    show();
  });
}
