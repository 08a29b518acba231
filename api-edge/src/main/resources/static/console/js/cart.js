// The shopper's cart: product ids and quantities, kept in this tab until the order is placed.

const CART = 'orderflow.cart';

export function cartItems() {
  try {
    return JSON.parse(sessionStorage.getItem(CART)) || {};
  } catch (unreadable) {
    return {};
  }
}

function save(items) {
  sessionStorage.setItem(CART, JSON.stringify(items));
  window.dispatchEvent(new Event('cart-changed'));
}

export function addToCart(productId, quantity) {
  const items = cartItems();
  items[productId] = (items[productId] || 0) + quantity;
  save(items);
}

export function setQuantity(productId, quantity) {
  const items = cartItems();
  if (quantity > 0) {
    items[productId] = quantity;
  } else {
    delete items[productId];
  }
  save(items);
}

export function clearCart() {
  save({});
}

export const cartSize = () => Object.values(cartItems()).reduce((sum, quantity) => sum + quantity, 0);
