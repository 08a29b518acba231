// The operators' pages (ADMIN): the live order board, an order's history and recorded events, the products
// and their stock, the read models (lag, replay, verification, dead letters) and health.
import {html, nothing} from '/webjars/lit-html/lit-html.js';
import {call, del, follow, get, post} from './api.js';
import {followProducts} from './shop.js';
import {REASONS, STATUSES, act, badge, json, money, problem, reasonLabel, statusLabel, statusOf, traceIdOf, when}
  from './view.js';

const BOARD_SIZE = 25;
const FINISHED = ['COMPLETED', 'FAILED', 'ABANDONED'];
const POLL_MS = 500;

const tile = (key, count, label) => html`<div class="tile" data-count=${key}><span class="n">${count}</span>
  <span class="k">${label}</span></div>`;

export function board(page) {
  const state = {orders: [], counts: null, error: null};
  const show = () => page.show(html`
    <h1>Order board</h1>
    <p class="muted">Orders of every customer, live.</p>
    ${problem(state.error)}
    ${state.counts === null ? nothing : html`
      <h2>By status</h2>
      <div class="tiles">${tile('total', state.counts.total, 'All orders')}${STATUSES.map((status) =>
        tile(status, state.counts.byStatus[status] || 0, statusLabel(status)))}</div>
      <h2>Cancelled, by reason</h2>
      <div class="tiles">${REASONS.map((reason) =>
        tile(reason, state.counts.byCancellationReason[reason] || 0, reasonLabel(reason)))}</div>`}
    <h2>Newest orders</h2>
    <div class="table"><table id="board">
      <thead><tr><th>Placed</th><th>Status</th><th class="num">Total</th><th class="hide-narrow">Customer</th>
        <th>Order</th></tr></thead>
      <tbody>${state.orders.map((order) => html`<tr data-order=${order.orderId}>
        <td>${when(order.createdAt)}</td><td>${statusOf(order)}</td>
        <td class="num">${money(order.total, order.currency)}</td>
        <td class="hide-narrow"><code>${order.customerId.slice(0, 8)}</code></td>
        <td><a href="#/admin/orders/${order.orderId}">${order.orderId.slice(0, 8)}</a></td></tr>`)}</tbody>
    </table></div>`);
  const upsert = (order) => {
    const others = state.orders.filter((known) => known.orderId !== order.orderId);
    state.orders = [order, ...others].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt)).slice(0, BOARD_SIZE);
  };
  show();
  page.onLeave(follow(`/api/admin/orders/stream?size=${BOARD_SIZE}`, (name, data) => {
    if (name === 'orders') {
      state.orders = data.items;
    } else if (name === 'order') {
      upsert(data);
    } else if (name === 'counts') {
      state.counts = data;
    }
    show();
  }, (error) => {
    state.error = error;
    show();
  }));
}

const timeline = (events) => html`<ol class="timeline">${events.map((event) => {
  const trace = traceIdOf(event.metadata);
  return html`<li>
    <strong>#${event.sequence} ${event.type}</strong> <span class="muted">${when(event.timestamp)}</span>
    ${trace ? html`<div>Trace id <code class="trace">${trace}</code></div>` : nothing}
    <details><summary>Payload</summary><pre>${json(event.payload)}</pre></details>
    <details><summary>Metadata</summary><pre>${json(event.metadata)}</pre></details>
  </li>`;
})}</ol>`;

export function orderDetail(page) {
  const id = encodeURIComponent(page.params.id);
  const state = {order: null, history: [], events: [], error: null, busy: false};
  const load = () => Promise.all([get(`/api/orders/${id}/history`), get(`/api/orders/${id}/events?limit=100`)])
    .then(([history, timelineView]) => {
      state.history = history.changes;
      state.events = timelineView.events;
      show();
    }, (error) => {
      state.error = error;
      show();
    });
  const record = (what) => () => act(state, show, async () => {
    await post(`/api/admin/orders/${id}/${what}`);
    page.tell(what === 'ship' ? 'Shipping recorded.' : 'Delivery recorded.');
  });
  const show = () => {
    const order = state.order;
    page.show(html`
      <h1>Order ${page.params.id.slice(0, 8)}</h1>
      ${problem(state.error)}
      ${order === null ? html`<p>Loading…</p>` : html`
        <p class="status-now" id="order-status" aria-live="polite">Status: ${statusOf(order)}</p>
        <p>Customer <code>${order.customerId}</code> · total ${money(order.total, order.currency)} ·
          placed ${when(order.createdAt)}</p>
        <div class="actions">
          <button type="button" ?disabled=${state.busy || order.status !== 'CONFIRMED'} @click=${record('ship')}>Ship</button>
          <button type="button" ?disabled=${state.busy || order.status !== 'SHIPPED'} @click=${record('deliver')}>Deliver</button>
        </div>`}
      <h2>Status history</h2>
      <div class="table"><table>
        <thead><tr><th>When</th><th>From</th><th>To</th><th>Event</th></tr></thead>
        <tbody>${state.history.map((change) => html`<tr><td>${when(change.at)}</td>
          <td>${change.previousStatus ? statusLabel(change.previousStatus) : '—'}</td>
          <td>${badge(change.status)}${change.cancellationReason ? html` ${reasonLabel(change.cancellationReason)}` : nothing}</td>
          <td>${change.event} #${change.sequence}</td></tr>`)}</tbody>
      </table></div>
      <h2>Recorded events</h2>
      ${timeline(state.events)}`);
  };
  show();
  page.onLeave(follow(`/api/orders/${id}/stream`, (name, order) => {
    state.order = order;
    show();
    load();
  }, (error) => {
    if (error) {
      state.error = error;
      show();
    }
  }));
}

const stockCells = (product) => html`<td class="num">${product.available}</td><td class="num">${product.reserved}</td>
  <td class="num">${product.committed}</td>`;

export function products(page) {
  const state = {products: null, error: null, busy: false};
  const add = (event) => {
    event.preventDefault();
    const form = event.target;
    const values = Object.fromEntries(new FormData(form).entries());
    return act(state, show, async () => {
      await post('/api/admin/products', {name: values.name, price: values.price, currency: values.currency.toUpperCase(),
        initialStock: Number(values.initialStock)});
      page.tell(`${values.name} added.`);
      form.reset();
    });
  };
  const show = () => page.show(html`
    <h1>Products</h1>
    ${problem(state.error)}
    <div class="table"><table>
      <caption class="muted">Stock, live</caption>
      <thead><tr><th>Product</th><th class="num">Price</th><th class="num">Available</th><th class="num">Reserved</th>
        <th class="num">Committed</th></tr></thead>
      <tbody>${(state.products || []).map((product) => html`<tr data-product=${product.productId}>
        <td><a href="#/admin/products/${product.productId}">${product.name}</a></td>
        <td class="num">${money(product.price, product.currency)}</td>${stockCells(product)}</tr>`)}</tbody>
    </table></div>
    <h2>Add a product</h2>
    <form class="stack" @submit=${add}>
      <label for="p-name">Name <input id="p-name" name="name" required maxlength="200"></label>
      <div class="row">
        <label for="p-price">Price <input id="p-price" name="price" required inputmode="decimal" pattern="[0-9]+([.][0-9]{1,2})?"></label>
        <label for="p-currency">Currency <input id="p-currency" name="currency" required value="EUR" maxlength="3"></label>
        <label for="p-stock">Initial stock <input id="p-stock" name="initialStock" type="number" min="0" required value="10"></label>
      </div>
      <div><button type="submit" ?disabled=${state.busy}>Add product</button></div>
    </form>`);
  show();
  followProducts(page, (list, error) => {
    state.products = list;
    state.error = error;
    show();
  });
}

export function productDetail(page) {
  const id = page.params.id;
  const state = {product: null, events: [], error: null, busy: false};
  const load = () => get(`/api/products/${encodeURIComponent(id)}/events?limit=100`).then((view) => {
    state.events = view.events;
    show();
  }, (error) => {
    state.error = error;
    show();
  });
  const restock = (event) => {
    event.preventDefault();
    const quantity = Number(new FormData(event.target).get('quantity'));
    return act(state, show, async () => {
      await post(`/api/admin/products/${encodeURIComponent(id)}/restock`, {quantity});
      page.tell(`Restocked by ${quantity}.`);
    });
  };
  const show = () => {
    const product = state.product;
    page.show(html`
      <h1>${product ? product.name : 'Product'}</h1>
      ${problem(state.error)}
      ${product ? html`<p>${money(product.price, product.currency)}</p>
        <div class="table"><table id="stock"><thead><tr><th class="num">Available</th><th class="num">Reserved</th>
          <th class="num">Committed</th></tr></thead><tbody><tr>${stockCells(product)}</tr></tbody></table></div>` : nothing}
      <h2>Restock</h2>
      <form class="row" @submit=${restock}>
        <label for="r-quantity">Quantity to add <input id="r-quantity" name="quantity" type="number" min="1" max="10000"
          required value="10"></label>
        <button type="submit" ?disabled=${state.busy}>Restock</button>
      </form>
      <h2>Recorded events</h2>
      ${timeline(state.events)}`);
  };
  show();
  followProducts(page, (list, error) => {
    const found = list.find((product) => product.productId === id) || null;
    const changed = JSON.stringify(found) !== JSON.stringify(state.product);
    state.product = found;
    state.error = error;
    show();
    if (changed) {
      load();
    }
  });
}

function rebuildView(rebuild) {
  if (!rebuild) {
    return nothing;
  }
  const total = Math.max(rebuild.totalEvents, 1);
  const verification = rebuild.verification;
  return html`<div class="card rebuild" data-state=${rebuild.state}>
    <p>${rebuild.kind === 'REPLAY' ? 'Replay' : 'Verification'}: ${badge(rebuild.state, rebuild.state)}
      ${rebuild.processedEvents} of ${rebuild.totalEvents} events</p>
    <label>Progress <progress max=${total} .value=${Math.min(rebuild.processedEvents, total)}></progress></label>
    ${rebuild.failure ? html`<p class="problem">${rebuild.failure}</p>` : nothing}
    ${verification ? html`<p class="verification">Compared ${verification.rowsCompared} rows:
      <strong>${verification.differenceCount} differences</strong></p>
      ${verification.differences.length ? html`<pre>${json(verification.differences)}</pre>` : nothing}` : nothing}
  </div>`;
}

export function readModels(page) {
  const state = {models: null, rebuilds: {}, letters: null, error: null, busy: false};
  let stopped = false;
  page.onLeave(() => {
    stopped = true;
  });
  const load = () => Promise.all([get('/api/admin/projections'), get('/api/admin/dead-letters')])
    .then(([models, letters]) => {
      state.models = models;
      state.letters = letters.sequences;
      show();
    }, (error) => {
      state.error = error;
      show();
    });
  const watch = async (name, location) => {
    while (!stopped) {
      const rebuild = await get(location);
      state.rebuilds[name] = rebuild;
      show();
      if (FINISHED.includes(rebuild.state)) {
        load();
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  };
  const start = (name, kind) => async () => {
    state.error = null;
    try {
      const started = await post(`/api/admin/projections/${encodeURIComponent(name)}/${kind}`);
      await watch(name, started.status);
    } catch (error) {
      state.error = error;
      show();
    }
  };
  const operate = (work, message) => () => act(state, show, async () => {
    page.tell(message(await work()));
  }).then(load);
  const letter = (sequence) => html`<li class="card">
    <p><strong>${sequence.processingGroup}</strong> · sequence <code>${sequence.sequenceId}</code> ·
      ${sequence.size} parked event${sequence.size === 1 ? '' : 's'}</p>
    <ul>${sequence.letters.map((parked) => html`<li>${parked.eventType} #${parked.aggregateSequence}:
      <span class="muted">${parked.causeType}: ${parked.causeMessage}</span></li>`)}</ul>
    <button type="button" class="danger" ?disabled=${state.busy} @click=${operate(() => del(
      `/api/admin/dead-letters/${encodeURIComponent(sequence.processingGroup)}/${encodeURIComponent(sequence.sequenceId)}`),
      (answer) => `${answer.evicted} events evicted.`)}>Evict sequence ${sequence.sequenceId.slice(0, 8)}</button>
  </li>`;
  const show = () => page.show(html`
    <h1>Read models</h1>
    ${problem(state.error)}
    ${state.models === null ? html`<p>Loading…</p>` : state.models.map((model) => html`
      <section class="card" aria-labelledby="m-${model.name}">
        <h2 id="m-${model.name}">${model.name}</h2>
        <p>Generation ${model.generation}, serving since ${when(model.activatedAt)} ·
          lag <strong class="lag">${model.lag}</strong> event${model.lag === 1 ? '' : 's'}</p>
        <div class="actions">
          <button type="button" @click=${start(model.name, 'replay')}>Replay ${model.name}</button>
          <button type="button" class="secondary" @click=${start(model.name, 'verify')}>Verify ${model.name}</button>
          <button type="button" class="secondary" ?disabled=${state.busy} @click=${operate(() => post(
            `/api/admin/dead-letters/${encodeURIComponent(model.name)}/retry`),
            (answer) => `Retried ${answer.retried}: ${answer.succeeded} succeeded, ${answer.failed} failed.`)}>
            Retry dead letters of ${model.name}</button>
        </div>
        ${rebuildView(state.rebuilds[model.name])}
      </section>`)}
    <h2>Dead letters</h2>
    ${state.letters === null ? nothing : state.letters.length === 0 ? html`<p id="no-dead-letters">No parked events.</p>`
      : html`<ul class="stack letters">${state.letters.map(letter)}</ul>`}`);
  show();
  load();
}

export function health(page) {
  const state = {health: null, readiness: null, error: null};
  const show = () => {
    const components = (state.health && state.health.components) || {};
    const processors = components.eventProcessors && components.eventProcessors.details;
    const lags = processors ? Object.entries(processors).filter(([key]) => key.startsWith('lag.'))
      .map(([key, lag]) => [key.slice(4), lag]) : [];
    const problems = (processors && processors.problems) || {};
    page.show(html`
      <h1>Health</h1>
      ${problem(state.error)}
      ${state.readiness ? html`<p class="status-now">Readiness: ${badge(state.readiness.status, state.readiness.status)}</p>`
        : nothing}
      ${state.health ? html`
        <h2>Components</h2>
        <div class="tiles">${Object.entries(components).map(([name, component]) => html`<div class="tile">
          <span class="k">${name}</span> ${badge(component.status, component.status)}</div>`)}</div>
        <h2>Event processors</h2>
        ${lags.length === 0 ? html`<p class="muted">No processor details are shown here.</p>` : html`
          <div class="table"><table id="processors">
            <caption class="muted">Events behind the head of the event store (${processors.head})</caption>
            <thead><tr><th>Processor</th><th class="num">Lag</th><th>Problem</th></tr></thead>
            <tbody>${lags.map(([name, lag]) => html`<tr><td>${name}</td><td class="num">${lag}</td>
              <td>${problems[name] || ''}</td></tr>`)}</tbody>
          </table></div>`}` : html`<p>Loading…</p>`}
      <div class="actions"><button type="button" class="secondary" @click=${load}>Refresh</button></div>`);
  };
  const read = (path) => call('GET', path, {alsoOk: [503]});
  const load = () => Promise.all([read('/api/admin/health'), read('/readyz')])
    .then(([health, readiness]) => {
      state.health = health;
      state.readiness = readiness;
      state.error = null;
      show();
    }, (error) => {
      state.error = error;
      show();
    });
  show();
  load();
}
