import { connect, createServer, type Socket } from 'node:net';

/**
 * A device's network link to the server that a test can cut: a TCP relay on its own port.
 * A page opened through `url` reaches the server only through it. `cut()` drops every
 * connection at once, so the server sees the device go (as when Wi-Fi dies; Chromium's
 * offline emulation alone leaves its open sockets hanging), and refuses new ones until
 * `restore()`.
 */
export async function cuttableLink(serverPort: number) {
  const open = new Set<Socket>();
  let up = true;
  const relay = createServer((device) => {
    if (!up) {
      device.destroy();
      return;
    }
    const server = connect(serverPort, '127.0.0.1');
    for (const [from, to] of [
      [device, server],
      [server, device],
    ] as const) {
      open.add(from);
      from.pipe(to);
      from.on('error', () => to.destroy());
      from.on('close', () => {
        open.delete(from);
        to.destroy();
      });
    }
  });
  await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
  const { port } = relay.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    cut(): void {
      up = false;
      for (const socket of open) socket.destroy();
    },
    restore(): void {
      up = true;
    },
    close(): Promise<void> {
      for (const socket of open) socket.destroy();
      return new Promise((resolve) => relay.close(() => resolve()));
    },
  };
}
