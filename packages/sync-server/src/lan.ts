import { networkInterfaces } from 'node:os';
import QRCode from 'qrcode';

/** IPv4 addresses tablets on the same Wi-Fi can reach this machine at. */
export function lanAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .filter((info) => info && info.family === 'IPv4' && !info.internal)
    .map((info) => info!.address);
}

/** A QR code drawn with terminal characters, for tablets to scan off the console. */
export function terminalQr(url: string): Promise<string> {
  return QRCode.toString(url, { type: 'terminal', small: true });
}
