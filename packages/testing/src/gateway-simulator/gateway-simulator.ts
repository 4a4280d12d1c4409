/**
 * A card gateway on a real local HTTP server (127.0.0.1, ephemeral port) speaking the Zarinpal
 * v4 REST shape, for testing payment adapters and whole checkouts without the internet.
 *
 * The payer's side is driven from the test: `pay(authority)` is the card holder paying at the
 * bank and returns the callback URL the browser would be sent to (`Status=OK`); `cancel` gives
 * the `Status=NOK` one. A "lost callback" is a test that pays and never delivers the URL; the
 * payment then shows in `unVerified.json` until someone verifies it. `script()` queues one-off
 * behaviours (slow answers, error codes, broken connections) for the next calls to an endpoint.
 */
import { randomInt } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { ScriptedBehaviour, SimulatedPayment, SimulatorEndpoint } from './simulated-payment';

/** Options of {@link startGatewaySimulator}. */
export interface GatewaySimulatorOptions {
  /** The merchant id it accepts (default all zeros). */
  merchantId?: string;
  /**
   * Whether this server's IP is registered with the terminal: Zarinpal's `reverse.json` takes only
   * `merchant_id` and `authority` and answers −62 to an unregistered IP (default registered).
   */
  reverseIpRegistered?: boolean;
  /** The simulator's clock, for the 30-minute reverse window (default `Date.now`). */
  now?: () => number;
}

const PATHS: Readonly<Record<string, SimulatorEndpoint>> = {
  '/pg/v4/payment/request.json': 'request',
  '/pg/v4/payment/verify.json': 'verify',
  '/pg/v4/payment/inquiry.json': 'inquiry',
  '/pg/v4/payment/unVerified.json': 'unVerified',
  '/pg/v4/payment/reverse.json': 'reverse',
  '/pg/v4/payment/feeCalculation.json': 'feeCalculation',
};

const REVERSE_WINDOW_MS = 30 * 60_000;
const MIN_AMOUNT_RIAL = 1_000n;
/** The longest description Zarinpal takes. */
const MAX_DESCRIPTION = 500;

type Answer = { status: number; body: unknown };

/**
 * A local HTTP server that answers like Zarinpal's v4 API (request, StartPay, verify, inquire, reverse), to
 * test a payment adapter and the payment workflow without the bank. Payments move through `pay`, `cancel` and
 * scripted behaviours.
 */
export class GatewaySimulator {
  /** The merchant id it accepts. */
  readonly merchantId: string;
  /** Every call received, in order (bodies as parsed JSON). */
  readonly calls: { endpoint: SimulatorEndpoint; body: Record<string, unknown> }[] = [];
  private readonly payments = new Map<string, SimulatedPayment>();
  private readonly scripts = new Map<SimulatorEndpoint, ScriptedBehaviour[]>();
  private readonly now: () => number;
  private nextRef = 201_000_000;
  private readonly open = new Set<Socket>();

  private constructor(
    private readonly server: Server,
    /** Its address, e.g. `http://127.0.0.1:54321`; pass it to the gateway adapter as the base URL. */
    readonly baseUrl: string,
    private readonly options: GatewaySimulatorOptions,
  ) {
    this.merchantId = options.merchantId ?? '00000000-0000-0000-0000-000000000000';
    this.now = options.now ?? Date.now;
  }

  /** Starts the simulator on a free local port. */
  static async start(options: GatewaySimulatorOptions = {}): Promise<GatewaySimulator> {
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    const simulator = new GatewaySimulator(server, `http://127.0.0.1:${port}`, options);
    server.on('request', (req: IncomingMessage, res: ServerResponse) => void simulator.handle(req, res));
    server.on('connection', (socket: Socket) => {
      simulator.open.add(socket);
      socket.on('close', () => simulator.open.delete(socket));
    });
    return simulator;
  }

  /** Queue `behaviour` for the next `times` calls to `endpoint`. */
  script(endpoint: SimulatorEndpoint, behaviour: ScriptedBehaviour, times = 1): void {
    const queue = this.scripts.get(endpoint) ?? [];
    for (let i = 0; i < times; i++) queue.push(behaviour);
    this.scripts.set(endpoint, queue);
  }

  /** The card holder pays at the bank; returns the callback URL with `Status=OK`. */
  pay(authority: string, card: { pan?: string } = {}): string {
    const payment = this.mustFind(authority);
    if (payment.status !== 'pending') throw new Error(`GatewaySimulator: ${authority} is ${payment.status}, not pending`);
    payment.status = 'paid';
    payment.paidAt = this.now();
    payment.cardPan = card.pan ?? '603799******1234';
    return callbackUrl(payment, 'OK');
  }

  /** The card holder cancels at the bank; returns the callback URL with `Status=NOK`. */
  cancel(authority: string): string {
    const payment = this.mustFind(authority);
    if (payment.status !== 'pending') throw new Error(`GatewaySimulator: ${authority} is ${payment.status}, not pending`);
    payment.status = 'cancelled';
    return callbackUrl(payment, 'NOK');
  }

  /** A copy of the payment with this authority, as the gateway keeps it. */
  payment(authority: string): SimulatedPayment | undefined {
    const payment = this.payments.get(authority);
    return payment ? { ...payment } : undefined;
  }

  /** All payments, oldest first. */
  allPayments(): SimulatedPayment[] {
    return [...this.payments.values()].map((p) => ({ ...p }));
  }

  /** The JSON bodies of the calls made to one endpoint, in order. */
  callsTo(endpoint: SimulatorEndpoint): Record<string, unknown>[] {
    return this.calls.filter((c) => c.endpoint === endpoint).map((c) => c.body);
  }

  /** Stops the server and drops open connections. */
  async close(): Promise<void> {
    for (const socket of this.open) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  // ------------------------------------------------------------------ HTTP

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.baseUrl);
    if (req.method === 'GET' && url.pathname.startsWith('/pg/StartPay/')) {
      const authority = decodeURIComponent(url.pathname.slice('/pg/StartPay/'.length));
      const known = this.payments.has(authority);
      res.writeHead(known ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
      res.end(known ? `<html><body>Simulated bank page for ${escapeHtml(authority)}</body></html>` : 'unknown authority');
      return;
    }
    const endpoint = PATHS[url.pathname];
    if (req.method !== 'POST' || !endpoint) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    let body: Record<string, unknown>;
    try {
      const parsed: unknown = JSON.parse(await readBody(req));
      body = parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
    } catch {
      this.reply(res, { status: 400, body: failure(-9, 'The input params invalid, validation error.') });
      return;
    }
    this.calls.push({ endpoint, body });
    const scripted = this.scripts.get(endpoint)?.shift();
    if (scripted?.kind === 'drop') {
      req.socket.destroy();
      return;
    }
    if (scripted?.kind === 'http') {
      res.writeHead(scripted.status, { 'content-type': 'text/html' }).end('<html>Bad Gateway</html>');
      return;
    }
    if (scripted?.kind === 'delay') await new Promise((resolve) => setTimeout(resolve, scripted.ms));
    if (scripted?.kind === 'envelope') {
      this.reply(res, { status: scripted.status, body: scripted.body });
      return;
    }
    if (scripted?.kind === 'code') {
      this.reply(res, { status: scripted.code >= 100 ? 200 : 400, body: failure(scripted.code, scripted.message ?? messageFor(scripted.code)) });
      return;
    }
    if (body.merchant_id !== this.merchantId) {
      this.reply(res, { status: 400, body: failure(-10, 'Terminal is not valid, please check merchant_id or ip address.') });
      return;
    }
    this.reply(res, this.answer(endpoint, body));
  }

  private reply(res: ServerResponse, answer: Answer): void {
    if (res.destroyed) return;
    res.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body));
  }

  private answer(endpoint: SimulatorEndpoint, body: Record<string, unknown>): Answer {
    switch (endpoint) {
      case 'request':
        return this.request(body);
      case 'verify':
        return this.verify(body);
      case 'feeCalculation': {
        const amount = amountOf(body.amount);
        if (amount === undefined || amount <= 0n) return validationFailure([{ amount: 'The amount must be a positive whole number.' }]);
        return success({ code: 100, message: 'Success', amount: Number(amount), fee: 0, fee_type: 'Merchant', suggested_amount: Number(amount) });
      }
      case 'inquiry': {
        const payment = this.payments.get(String(body.authority));
        if (!payment) return { status: 400, body: failure(-54, messageFor(-54)) };
        return success({ code: 100, message: 'Success', status: INQUIRY_STATUS[payment.status] });
      }
      case 'unVerified': {
        const paid = [...this.payments.values()].filter((p) => p.status === 'paid').slice(-100);
        return success({
          code: 100,
          message: 'Success',
          // In the currency the payment was requested in, as the request and verify take it.
          authorities: paid.map((p) => ({ authority: p.authority, amount: Number(inCurrency(p)), callback_url: p.callbackUrl, referer: '', date: new Date(p.paidAt!).toISOString() })),
        });
      }
      case 'reverse': {
        const payment = this.payments.get(String(body.authority));
        if (!payment) return { status: 400, body: failure(-54, messageFor(-54)) };
        if (this.options.reverseIpRegistered === false) return { status: 400, body: failure(-62, messageFor(-62)) };
        if (payment.status !== 'verified') return { status: 400, body: failure(-61, messageFor(-61)) };
        // The window counts from the payment, not from its verification.
        if (this.now() - payment.paidAt! > REVERSE_WINDOW_MS) return { status: 400, body: failure(-63, messageFor(-63)) };
        payment.status = 'reversed';
        return success({ code: 100, message: 'Reversed' });
      }
    }
  }

  private request(body: Record<string, unknown>): Answer {
    const amount = amountOf(body.amount);
    const currency = body.currency === undefined ? 'IRR' : body.currency;
    const rial = amount === undefined ? undefined : currency === 'IRT' ? amount * 10n : amount;
    const validations: Record<string, string>[] = [];
    if (currency !== 'IRR' && currency !== 'IRT') validations.push({ currency: 'The currency must be IRR or IRT.' });
    if (rial === undefined || rial < MIN_AMOUNT_RIAL) validations.push({ amount: 'The amount must be at least 1000 Rial.' });
    if (typeof body.callback_url !== 'string' || !/^https?:\/\//.test(body.callback_url)) validations.push({ callback_url: 'The callback url is invalid.' });
    if (typeof body.description !== 'string' || !body.description) validations.push({ description: 'The description field is required.' });
    else if (body.description.length > MAX_DESCRIPTION) validations.push({ description: `The description may not be greater than ${MAX_DESCRIPTION} characters.` });
    validations.push(...metadataIssues(body.metadata));
    if (validations.length) return validationFailure(validations);
    const authority = `A${String(randomInt(0, 1e9)).padStart(9, '0')}${String(this.payments.size + 1).padStart(26, '0')}`;
    this.payments.set(authority, {
      authority,
      amountRial: rial!,
      description: String(body.description),
      callbackUrl: String(body.callback_url),
      currency: currency as 'IRR' | 'IRT',
      status: 'pending',
      verifyCalls: 0,
    });
    return success({ code: 100, message: 'Success', authority, fee_type: 'Merchant', fee: 0 });
  }

  private verify(body: Record<string, unknown>): Answer {
    const payment = this.payments.get(String(body.authority));
    if (!payment) return { status: 400, body: failure(-54, messageFor(-54)) };
    payment.verifyCalls++;
    // Verify takes the amount in the currency the payment was requested in.
    if (amountOf(body.amount) !== inCurrency(payment)) return { status: 400, body: failure(-50, messageFor(-50)) };
    if (payment.status === 'verified') return success(verified(payment, 101));
    if (payment.status !== 'paid') return { status: 400, body: failure(-51, messageFor(-51)) };
    payment.status = 'verified';
    payment.verifiedAt = this.now();
    payment.refId = this.nextRef++;
    return success(verified(payment, 100));
  }

  private mustFind(authority: string): SimulatedPayment {
    const payment = this.payments.get(authority);
    if (!payment) throw new Error(`GatewaySimulator: no payment ${authority}`);
    return payment;
  }
}

/** Starts a {@link GatewaySimulator} on a free local port. */
export function startGatewaySimulator(options?: GatewaySimulatorOptions): Promise<GatewaySimulator> {
  return GatewaySimulator.start(options);
}

const INQUIRY_STATUS: Readonly<Record<SimulatedPayment['status'], string>> = {
  pending: 'IN_BANK',
  paid: 'PAID',
  cancelled: 'FAILED',
  verified: 'VERIFIED',
  reversed: 'REVERSED',
};

function verified(payment: SimulatedPayment, code: 100 | 101) {
  return {
    code,
    message: code === 100 ? 'Paid' : 'Verified',
    card_hash: 'simulated-card-hash',
    card_pan: payment.cardPan,
    ref_id: payment.refId,
    fee_type: 'Merchant',
    fee: 0,
  };
}

function success(data: Record<string, unknown>): Answer {
  return { status: 200, body: { data, errors: [] } };
}

function failure(code: number, message: string) {
  return { data: [], errors: { code, message, validations: [] } };
}

function messageFor(code: number): string {
  switch (code) {
    case -50:
      return 'Session is not valid, amounts values is not the same.';
    case -51:
      return 'Session is not valid, session is not active paid try.';
    case -54:
      return 'Invalid authority.';
    case -9:
      return 'The input params invalid, validation error.';
    case -12:
      return 'Too many attempts, please try again later.';
    case -52:
      return 'Oops!!, please contact our support team.';
    case -61:
      return 'Session is not in success status.';
    case -62:
      return 'Terminal ip limit most be active.';
    case -63:
      return 'Maximum time for reverse this session is expired.';
    default:
      return `Simulated error ${code}.`;
  }
}

function validationFailure(validations: Record<string, string>[]): Answer {
  return { status: 400, body: { data: [], errors: { code: -9, message: messageFor(-9), validations } } };
}

/** A JSON amount: a safe whole number. */
function amountOf(value: unknown): bigint | undefined {
  return typeof value === 'number' && Number.isSafeInteger(value) ? BigInt(value) : undefined;
}

/** The payment's amount in the currency it was requested in. */
function inCurrency(payment: SimulatedPayment): bigint {
  return payment.currency === 'IRT' ? payment.amountRial / 10n : payment.amountRial;
}

/** Zarinpal's metadata: an object of strings; `mobile` an Iranian mobile, `email` an address. */
function metadataIssues(metadata: unknown): Record<string, string>[] {
  if (metadata === undefined) return [];
  if (metadata === null || typeof metadata !== 'object' || Array.isArray(metadata)) return [{ metadata: 'The metadata must be an object.' }];
  const issues: Record<string, string>[] = [];
  for (const [key, value] of Object.entries(metadata)) {
    if (typeof value !== 'string') issues.push({ [`metadata.${key}`]: 'must be a string.' });
  }
  const { mobile, email } = metadata as { mobile?: unknown; email?: unknown };
  if (typeof mobile === 'string' && !/^(\+98|0098|98|0)?9\d{9}$/.test(mobile)) issues.push({ 'metadata.mobile': 'The mobile format is invalid.' });
  if (typeof email === 'string' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) issues.push({ 'metadata.email': 'The email format is invalid.' });
  return issues;
}

function callbackUrl(payment: SimulatedPayment, status: 'OK' | 'NOK'): string {
  const url = new URL(payment.callbackUrl);
  url.searchParams.set('Authority', payment.authority);
  url.searchParams.set('Status', status);
  return url.toString();
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 1_000_000) throw new Error('body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
