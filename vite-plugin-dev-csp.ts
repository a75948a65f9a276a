import type { Plugin } from 'vite';

/**
 * The dev server's hot reload talks over a WebSocket, which index.html's Content-Security-Policy
 * does not allow: the built app opens none. In `vite` (serve) only, add `ws:` to connect-src.
 */
export function devCspWebSocket(): Plugin {
  return {
    name: 'anju-dev-csp-websocket',
    apply: 'serve',
    transformIndexHtml: (html) => addDevWebSocket(html),
  };
}

/** index.html with `ws:` added to the CSP's connect-src. */
export function addDevWebSocket(html: string): string {
  return html.replace(/(connect-src [^;"]*)/, '$1 ws:');
}
