// The console's shell: navigation, the routes (fragments such as #/orders/42), and going back to sign-in
// when the API stops accepting the token.
import {html, render, nothing} from '/webjars/lit-html/lit-html.js';
import {session, signOut, whenSignedOut} from './api.js';
import * as shop from './shop.js';
import * as admin from './admin.js';
import {cartSize} from './cart.js';

const routes = [
  ['/', shop.catalogue, {}],
  ['/sign-in', shop.signInPage, {}],
  ['/register', shop.registerPage, {}],
  ['/cart', shop.cartPage, {}],
  ['/orders', shop.myOrders, {signedIn: true}],
  ['/orders/:id', shop.orderPage, {signedIn: true}],
  ['/admin/board', admin.board, {admin: true}],
  ['/admin/orders/:id', admin.orderDetail, {admin: true}],
  ['/admin/products', admin.products, {admin: true}],
  ['/admin/products/:id', admin.productDetail, {admin: true}],
  ['/admin/read-models', admin.readModels, {admin: true}],
  ['/admin/health', admin.health, {admin: true}],
];

const main = document.getElementById('main');
const nav = document.getElementById('nav');
const notice = document.getElementById('notice');
let leaving = [];

export function go(path) {
  location.hash = `#${path}`;
}

function match(path) {
  for (const [pattern, page, rules] of routes) {
    const names = [];
    const regex = new RegExp(`^${pattern.replace(/:(\w+)/g, (all, name) => {
      names.push(name);
      return '([^/]+)';
    })}$`);
    const found = path.match(regex);
    if (found) {
      const params = Object.fromEntries(names.map((name, index) => [name, decodeURIComponent(found[index + 1])]));
      return {page, rules, params};
    }
  }
  return null;
}

function current() {
  const fragment = location.hash.replace(/^#/, '') || '/';
  const [path, query] = fragment.split('?');
  return {path, query: new URLSearchParams(query || '')};
}

function showNav(path) {
  const user = session();
  const link = (href, label) => html`<a href="#${href}" aria-current=${path === href ? 'page' : nothing}>${label}</a>`;
  render(html`
    ${link('/', 'Catalogue')}
    ${link('/cart', `Cart (${cartSize()})`)}
    ${user ? link('/orders', 'My orders') : nothing}
    ${user && user.admin ? html`${link('/admin/board', 'Board')}${link('/admin/products', 'Products')}
      ${link('/admin/read-models', 'Read models')}${link('/admin/health', 'Health')}` : nothing}
    ${user ? html`<span class="who">${user.email}</span>
        <button type="button" @click=${() => {
          signOut();
          go('/sign-in');
        }}>Sign out</button>`
      : html`${link('/sign-in', 'Sign in')}${link('/register', 'Register')}`}`, nav);
}

/** Tells the user something that outlives the page they are on (shown until the next navigation). */
export function tell(message) {
  notice.textContent = message;
}

function route() {
  leaving.forEach((leave) => leave());
  leaving = [];
  const {path, query} = current();
  showNav(path);
  const found = match(path);
  const user = session();
  if (!found) {
    render(html`<h1>Not found</h1><p>There is no page here. <a href="#/">Go to the catalogue</a>.</p>`, main);
    return;
  }
  if ((found.rules.signedIn || found.rules.admin) && !user) {
    go(`/sign-in?returnTo=${encodeURIComponent(path)}`);
    return;
  }
  if (found.rules.admin && !user.admin) {
    render(html`<h1>Operators only</h1><p>This page is for administrators.</p>`, main);
    return;
  }
  const context = {
    params: found.params,
    query,
    show: (template) => render(template, main),
    onLeave: (leave) => leaving.push(leave),
    go,
    tell,
  };
  found.page(context);
  main.focus();
}

main.replaceChildren();
whenSignedOut(() => {
  const {path} = current();
  if (path !== '/sign-in') {
    go(`/sign-in?expired=1&returnTo=${encodeURIComponent(path)}`);
  }
});

window.addEventListener('hashchange', () => {
  tell('');
  route();
});
window.addEventListener('cart-changed', () => showNav(current().path));
route();
