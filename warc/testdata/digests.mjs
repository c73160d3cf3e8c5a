// Recomputes the block and payload digests of every record of a WARC
// file with webrecorder's warcio parser, an implementation scoop did
// not write, and prints a JSON summary.
//
// Usage: WARCIO_DIR=DIR node digests.mjs FILE.warc.gz
// where DIR/node_modules holds warcio.
import { createRequire } from "node:module";
import { createHash } from "node:crypto";
import fs from "node:fs";

const require = createRequire(process.env.WARCIO_DIR.replace(/\/?$/, "/"));
const { WARCParser } = require("warcio");

const file = process.argv[2];

function digest(spec, bytes) {
  const [alg, value] = spec.split(":");
  const sum = createHash(alg).update(bytes).digest();
  // Base 32 (RFC 4648) as WARC writers use for SHA-1, else base 16.
  if (/^[A-Z2-7=]+$/.test(value) && value.length === 32) {
    const abc = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    let bits = 0, acc = 0, out = "";
    for (const b of sum) {
      acc = (acc << 8) | b; bits += 8;
      while (bits >= 5) { out += abc[(acc >>> (bits - 5)) & 31]; bits -= 5; }
    }
    if (bits > 0) out += abc[(acc << (5 - bits)) & 31];
    return { want: value, got: out };
  }
  return { want: value, got: sum.toString("hex") };
}

async function* records(parseHttp) {
  const parser = new WARCParser(fs.createReadStream(file), { parseHttp });
  for await (const record of parser) {
    yield record;
  }
}

const out = { records: 0, types: {}, block: 0, payload: 0, mismatches: [], concurrent: 0 };
// Pass 1: the whole block, raw.
const ids = new Map();
for await (const r of records(false)) {
  out.records++;
  out.types[r.warcType] = (out.types[r.warcType] || 0) + 1;
  const block = await r.readFully(false);
  const bd = r.warcHeader("WARC-Block-Digest");
  if (bd) {
    const d = digest(bd, block);
    if (d.want !== d.got) out.mismatches.push({ id: r.warcHeader("WARC-Record-ID"), kind: "block", ...d });
    else out.block++;
  }
  ids.set(r.warcHeader("WARC-Record-ID"), r.warcHeader("WARC-Concurrent-To"));
}
// Pass 2: the HTTP payload as warcio separates it from the headers.
for await (const r of records(true)) {
  const pd = r.warcHeader("WARC-Payload-Digest");
  if (!pd) continue;
  const payload = await r.readFully(false);
  const d = digest(pd, payload);
  if (d.want !== d.got) out.mismatches.push({ id: r.warcHeader("WARC-Record-ID"), kind: "payload", ...d });
  else out.payload++;
}
for (const [id, other] of ids) {
  if (other && ids.get(other) === id) out.concurrent++;
}
console.log(JSON.stringify(out));
