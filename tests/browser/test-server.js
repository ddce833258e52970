// The server a browser test file talks to: scripts/serve.js serves the package
// root, and this front on 127.0.0.1 forwards to it. The front sees every
// request the page makes, so a test can check what was (not) fetched and what
// failed in any engine, answer a path itself (a delayed glue, a wrong MIME
// type, another build of the core), and put a script at the top of every HTML
// page (the WebKit backend's console hook and init scripts).
// The consumer apps put the front before their own servers instead (option
// upstream, forwardTo()), WebSocket upgrades included (a dev server's reload channel).
import { createServer, request as forward } from 'node:http';
import { connect } from 'node:net';
import { startServer } from '../../scripts/serve.js';

const HARNESS_SCRIPT = '/__harness/page-script.js';

function readBody(stream) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    stream.on('data', (chunk) => chunks.push(chunk));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

/**
 * @param {{ headers?: (path: string) => Record<string, string>, upstream?: string }} options
 *   headers: extra response headers per path (e.g. a Content-Security-Policy);
 *   upstream: the server to forward to (its base URL) instead of one serving the package root.
 */
export async function startTestServer({ headers, upstream } = {}) {
  const files = upstream ? null : await startServer({ headers });
  let filesUrl = new URL(upstream ?? files.url);
  const upgraded = new Set();  // sockets of forwarded WebSocket connections, ended on close()
  /** Every request: { method, path, status } (status once answered). */
  const requests = [];
  /** [{ match: RegExp, answer: async ({ path, fetchOriginal }) => ({ status, headers, body }) }] */
  let routes = [];
  /** Source of a classic script put first into every HTML page, or null. */
  let pageScript = null;

  const fetchOriginal = (req, body) => new Promise((resolve, reject) => {
    const upstream = forward({
      host: filesUrl.hostname, port: filesUrl.port, agent: false, method: req.method, path: req.url,
      headers: { ...req.headers, host: filesUrl.host },
    }, async (response) => {
      resolve({ status: response.statusCode, headers: { ...response.headers }, body: await readBody(response) });
    });
    upstream.on('error', reject);
    upstream.end(body);
  });

  const server = createServer(async (req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    const entry = { method: req.method, path, status: null };
    requests.push(entry);
    try {
      const body = await readBody(req);
      if (path === HARNESS_SCRIPT && pageScript !== null) {
        entry.status = 200;
        res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' }).end(pageScript);
        return;
      }
      const route = routes.find(({ match }) => match.test(path));
      const answer = route
        ? await route.answer({ path, fetchOriginal: () => fetchOriginal(req, body) })
        : await fetchOriginal(req, body);
      let content = answer.body;
      const responseHeaders = { ...answer.headers };
      if (pageScript !== null && /^text\/html/.test(responseHeaders['content-type'] ?? '')) {
        // After the doctype (before it, the page would be in quirks mode), before any of the page's scripts.
        const html = content.toString('utf8');
        const tag = `<script src="${HARNESS_SCRIPT}"></script>`;
        const doctype = /^\s*<!doctype[^>]*>/i.exec(html);
        content = Buffer.from(doctype ? `${doctype[0]}${tag}${html.slice(doctype[0].length)}` : `${tag}${html}`);
      }
      delete responseHeaders['content-length'];
      delete responseHeaders['transfer-encoding'];
      delete responseHeaders.connection;
      entry.status = answer.status;
      res.writeHead(answer.status, responseHeaders).end(content);
    } catch (error) {
      entry.status = 500;
      res.writeHead(500, { 'content-type': 'text/plain' }).end(String(error?.stack ?? error));
    }
  });
  server.on('upgrade', (req, socket, head) => {
    requests.push({ method: req.method, path: new URL(req.url, 'http://x').pathname, status: 101 });
    const upstreamSocket = connect(Number(filesUrl.port), filesUrl.hostname, () => {
      const lines = [`${req.method} ${req.url} HTTP/${req.httpVersion}`];
      for (let i = 0; i < req.rawHeaders.length; i += 2) {
        const name = req.rawHeaders[i];
        lines.push(`${name}: ${name.toLowerCase() === 'host' ? filesUrl.host : req.rawHeaders[i + 1]}`);
      }
      upstreamSocket.write(`${lines.join('\r\n')}\r\n\r\n`);
      upstreamSocket.write(head);
      socket.pipe(upstreamSocket).pipe(socket);
    });
    for (const end of [socket, upstreamSocket]) {
      upgraded.add(end);
      end.on('error', () => { socket.destroy(); upstreamSocket.destroy(); });
      end.on('close', () => { upgraded.delete(end); socket.destroy(); upstreamSocket.destroy(); });
    }
  });
  await new Promise((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${server.address().port}`;

  return {
    url,
    port: server.address().port,
    requests,
    /** Paths requested since `from` (an index into requests). */
    requestedPaths: (from = 0) => requests.slice(from).map((r) => r.path),
    /** Answers paths matching `match` with `answer` until clearRoutes(). */
    route(match, answer) { routes.push({ match, answer }); },
    clearRoutes() { routes = []; },
    setPageScript(source) { pageScript = source; },
    /** Forwards from now on to this server (a base URL) instead. */
    forwardTo(url) { filesUrl = new URL(url); },
    async close() {
      server.closeAllConnections?.();
      for (const socket of upgraded) socket.destroy();
      await new Promise((resolve) => server.close(() => resolve()));
      await files?.close();
    },
  };
}
