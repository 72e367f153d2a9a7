import http from "node:http";
import type { AddressInfo } from "node:net";
import { beforeAll, describe, expect, test } from "vitest";
import {
  addressBucket,
  clientAddress,
  SOCKET_ADDRESS_HEADER,
  stampSocketAddresses,
} from "@/lib/client-address";
import { parseEnv } from "@/lib/env";

const headers = (h: Record<string, string>) => new Headers(h);

beforeAll(() => stampSocketAddresses());

describe("client address", () => {
  test.each([
    // With no trusted proxy, X-Forwarded-For is the client's own writing: ignored entirely.
    [0, { "x-forwarded-for": "1.1.1.1", [SOCKET_ADDRESS_HEADER]: "203.0.113.9" }, "203.0.113.9"],
    [0, { "x-forwarded-for": "1.1.1.1", "x-real-ip": "2.2.2.2" }, null],
    [0, { [SOCKET_ADDRESS_HEADER]: "::ffff:127.0.0.1" }, "127.0.0.1"],
    // One proxy appends the address it saw: the last entry. Anything before it is the client's.
    [1, { "x-forwarded-for": "6.6.6.6, 203.0.113.9" }, "203.0.113.9"],
    [1, { "x-forwarded-for": "203.0.113.9" }, "203.0.113.9"],
    [2, { "x-forwarded-for": "6.6.6.6,203.0.113.9 , 10.0.0.2" }, "203.0.113.9"],
    // Fewer entries than hops: every entry was written by a trusted proxy; take the furthest.
    [3, { "x-forwarded-for": "203.0.113.9, 10.0.0.2" }, "203.0.113.9"],
    [1, {}, null],
    [1, { "x-forwarded-for": " , " }, null],
  ])("with %i trusted hops, %j → %j", (hops, h, expected) => {
    expect(clientAddress(headers(h), hops)).toBe(expected);
  });

  test("the socket address is stamped on every request, whatever the client sends", async () => {
    const server = http.createServer((req, res) => {
      res.end(String(req.headers[SOCKET_ADDRESS_HEADER]));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const res = await fetch(`http://127.0.0.1:${port}/`, {
        headers: { [SOCKET_ADDRESS_HEADER]: "6.6.6.6", "x-forwarded-for": "6.6.6.6" },
      });
      expect(await res.text()).toMatch(/^(::ffff:)?127\.0\.0\.1$/);
    } finally {
      server.close();
    }
  });
});

describe("rate limits count", () => {
  test.each([
    ["203.0.113.9", "203.0.113.9"],
    ["2001:db8:85a3:1:8a2e:370:7334:1", "2001:db8:85a3:1::/64"],
    ["2001:db8:85a3:1::1", "2001:db8:85a3:1::/64"],
    ["2001:0DB8::1", "2001:db8:0:0::/64"],
    ["::1", "0:0:0:0::/64"],
  ])("%s as %s", (address, bucket) => {
    expect(addressBucket(address)).toBe(bucket);
  });
});

describe("TRUSTED_PROXY_HOPS", () => {
  test("defaults to 0 and accepts a small whole number", () => {
    expect(parseEnv({}).TRUSTED_PROXY_HOPS).toBe(0);
    expect(parseEnv({ TRUSTED_PROXY_HOPS: "2" }).TRUSTED_PROXY_HOPS).toBe(2);
    expect(parseEnv({ TRUSTED_PROXY_HOPS: "" }).TRUSTED_PROXY_HOPS).toBe(0);
  });
  test.each(["-1", "one", "1.5", "100"])("refuses %j, naming the variable", (value) => {
    expect(() => parseEnv({ TRUSTED_PROXY_HOPS: value })).toThrow(/TRUSTED_PROXY_HOPS: /);
  });
});
