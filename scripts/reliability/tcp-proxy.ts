import net from 'node:net';

export type TcpProxy = {
  port: number;
  /** An outage: every open connection is cut and new ones are refused (nothing listens). */
  cut(): Promise<void>;
  /** The database is back: listen again on the same port. */
  restore(): Promise<void>;
  close(): Promise<void>;
};

/**
 * A loopback TCP proxy in front of PostgreSQL, so a database outage can be simulated for the
 * app without touching the server others use.
 */
export async function startTcpProxy(listenPort: number, target: { host: string; port: number }): Promise<TcpProxy> {
  const sockets = new Set<net.Socket>();
  let server: net.Server | undefined;

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const s = net.createServer((client) => {
        const upstream = net.connect(target.port, target.host);
        for (const socket of [client, upstream]) {
          sockets.add(socket);
          socket.on('close', () => sockets.delete(socket));
          socket.on('error', () => {});
        }
        client.pipe(upstream);
        upstream.pipe(client);
        client.on('close', () => upstream.destroy());
        upstream.on('close', () => client.destroy());
      });
      s.once('error', reject);
      s.listen(listenPort, '127.0.0.1', () => resolve());
      server = s;
    });

  const stop = async () => {
    const s = server;
    server = undefined;
    const closed = s ? new Promise<void>((resolve) => s.close(() => resolve())) : Promise.resolve();
    for (const socket of sockets) socket.destroy();
    await closed;
  };

  await listen();
  return { port: listenPort, cut: stop, restore: listen, close: stop };
}
