// The console's only way to the server: the public HTTP API, with the signed-in user's bearer token.

const TOKEN = 'orderflow.token';

/** The signed-in user, from the access token's claims (not verified here: the API checks every call). */
export function session() {
  const token = sessionStorage.getItem(TOKEN);
  if (!token) {
    return null;
  }
  try {
    const claims = JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
    const roles = Array.isArray(claims.roles) ? claims.roles : [];
    return {token, id: claims.sub, email: claims.email || claims.sub, admin: roles.includes('ADMIN')};
  } catch (unreadable) {
    sessionStorage.removeItem(TOKEN);
    return null;
  }
}

export function signIn(token) {
  sessionStorage.setItem(TOKEN, token);
}

export function signOut() {
  sessionStorage.removeItem(TOKEN);
}

/** A refusal or failure of the API, from its problem document (RFC 9457), readable as a message. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `The request failed (${status}).`);
    this.status = status;
    this.code = problem.code || null;
    this.fields = Array.isArray(problem.errors) ? problem.errors : [];
    this.retryAfter = problem.retryAfter || null;
  }
}

/** Raised when the API no longer accepts the user's token: the console goes back to sign-in. */
export class SignedOut extends ApiError {
}

let onSignedOut = () => {};

/** What to do when a call answers 401 although a token was sent (it expired, or the keys changed). */
export function whenSignedOut(handler) {
  onSignedOut = handler;
}

async function problemOf(response) {
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch (notJson) {
    return {title: response.statusText, detail: `The server answered ${response.status} ${response.statusText}.`};
  }
}

async function failure(response, sentToken) {
  const problem = await problemOf(response);
  if (response.status === 429) {
    problem.retryAfter = response.headers.get('Retry-After');
  }
  if (response.status === 401 && sentToken) {
    signOut();
    const error = new SignedOut(401, problem);
    onSignedOut(error);
    return error;
  }
  return new ApiError(response.status, problem);
}

function headersFor(extra, body, anonymous = false) {
  const headers = {Accept: 'application/json', ...extra};
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  const user = anonymous ? null : session();
  if (user) {
    headers.Authorization = `Bearer ${user.token}`;
  }
  return headers;
}

/**
 * Calls the API; answers the parsed body (null when empty), or throws an {@link ApiError}. Statuses in
 * {@code alsoOk} answer their body too (health answers 503 with its document when something is down).
 * {@code anonymous} calls send no token (signing in: wrong credentials must not sign the user out).
 */
export async function call(method, path, {body, headers, alsoOk = [], anonymous = false} = {}) {
  const sent = headersFor(headers, body, anonymous);
  let response;
  try {
    response = await fetch(path, {method, headers: sent, body: body === undefined ? undefined : JSON.stringify(body)});
  } catch (unreachable) {
    throw new ApiError(0, {detail: 'The server cannot be reached. Check the connection and try again.'});
  }
  if (!response.ok && !alsoOk.includes(response.status)) {
    throw await failure(response, Boolean(sent.Authorization));
  }
  const text = await response.text();
  return text ? JSON.parse(text) : null;
}

export const get = (path) => call('GET', path);
export const post = (path, body, headers) => call('POST', path, {body, headers});
export const del = (path) => call('DELETE', path);

/**
 * Follows a Server-Sent Events stream of the API with the user's token (EventSource cannot send one):
 * {@code onEvent(name, data)} for each event. Answers a function that stops following. {@code onEnd(error)}
 * runs once the stream ends, with the error if it failed.
 */
export function follow(path, onEvent, onEnd = () => {}) {
  const stop = new AbortController();
  (async () => {
    const sent = headersFor({Accept: 'text/event-stream'});
    try {
      const response = await fetch(path, {headers: sent, signal: stop.signal});
      if (!response.ok) {
        throw await failure(response, Boolean(sent.Authorization));
      }
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const {value, done} = await reader.read();
        if (done) {
          break;
        }
        buffer += value;
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          dispatch(buffer.slice(0, end), onEvent);
          buffer = buffer.slice(end + 2);
        }
      }
      onEnd(null);
    } catch (error) {
      if (!stop.signal.aborted) {
        onEnd(error instanceof ApiError ? error
          : new ApiError(0, {detail: 'The live connection to the server was lost. Reload to follow again.'}));
      }
    }
  })();
  return () => stop.abort();
}

function dispatch(block, onEvent) {
  let name = 'message';
  const data = [];
  for (const line of block.split('\n')) {
    if (line.startsWith('event:')) {
      name = line.slice(6).trim();
    } else if (line.startsWith('data:')) {
      data.push(line.slice(5).replace(/^ /, ''));
    }
  }
  if (data.length) {
    onEvent(name, JSON.parse(data.join('\n')));
  }
}

/** A random UUID, also where crypto.randomUUID is missing (pages served over plain HTTP to another host). */
export function uuid() {
  if (crypto.randomUUID) {
    return crypto.randomUUID();
  }
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
