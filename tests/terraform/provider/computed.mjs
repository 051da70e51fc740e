// Computed attributes for the stand-in's --computed mode (server.mjs): where the real provider
// would learn an ARN or id from AWS, this builds the value AWS would give from the resource's own
// names, the provider's region and its allowed account, so that `terraform apply` to a throwaway
// state renders every IAM policy with real-looking ARNs (tests/terraform/render.mjs).
//
// Values are decided at plan time, like mock_provider with override_during = plan: a plan shows
// every policy document in full, and an apply keeps the plan.

import { createHash } from "node:crypto";

// ---------------------------------------------------------------------------------------------
// MessagePack as cty writes it: maps with string keys, arrays, strings, numbers, booleans, nil,
// bin (dynamic types) and extension values (unknowns, kept as they are).

export class Extension {
  constructor(bytes) {
    this.bytes = bytes;
  }
}

export function decode(buf) {
  let i = 0;
  const take = (n) => {
    if (i + n > buf.length) throw new Error("truncated MessagePack value");
    const slice = buf.subarray(i, i + n);
    i += n;
    return slice;
  };
  const str = (n) => take(n).toString("utf8");
  const array = (n) => Array.from({ length: n }, () => value());
  const map = (n) => {
    const out = {};
    for (let k = 0; k < n; k++) {
      const key = value();
      out[key] = value();
    }
    return out;
  };
  const ext = (header, n) => {
    const start = i;
    take(header + n);
    return new Extension(Buffer.from(buf.subarray(start, i)));
  };
  function value() {
    const b = buf[i];
    if (b === undefined) throw new Error("truncated MessagePack value");
    if (b <= 0x7f) return (i++, b);
    if (b >= 0xe0) return (i++, b - 0x100);
    if (b <= 0x8f) return (i++, map(b & 0x0f));
    if (b <= 0x9f) return (i++, array(b & 0x0f));
    if (b <= 0xbf) return (i++, str(b & 0x1f));
    switch (b) {
      case 0xc0: return (i++, null);
      case 0xc2: return (i++, false);
      case 0xc3: return (i++, true);
      case 0xc4: return (i++, Buffer.from(take(take(1)[0])));
      case 0xc5: return (i++, Buffer.from(take(take(2).readUInt16BE(0))));
      case 0xc6: return (i++, Buffer.from(take(take(4).readUInt32BE(0))));
      case 0xc7: return ext(3, buf[i + 1]);
      case 0xc8: return ext(4, buf.readUInt16BE(i + 1));
      case 0xc9: return ext(6, buf.readUInt32BE(i + 1));
      case 0xca: return (i++, take(4).readFloatBE(0));
      case 0xcb: return (i++, take(8).readDoubleBE(0));
      case 0xcc: return (i++, take(1).readUInt8(0));
      case 0xcd: return (i++, take(2).readUInt16BE(0));
      case 0xce: return (i++, take(4).readUInt32BE(0));
      case 0xcf: return (i++, Number(take(8).readBigUInt64BE(0)));
      case 0xd0: return (i++, take(1).readInt8(0));
      case 0xd1: return (i++, take(2).readInt16BE(0));
      case 0xd2: return (i++, take(4).readInt32BE(0));
      case 0xd3: return (i++, Number(take(8).readBigInt64BE(0)));
      case 0xd4: return ext(3, 0);
      case 0xd5: return ext(4, 0);
      case 0xd6: return ext(6, 0);
      case 0xd7: return ext(10, 0);
      case 0xd8: return ext(18, 0);
      case 0xd9: return (i++, str(take(1)[0]));
      case 0xda: return (i++, str(take(2).readUInt16BE(0)));
      case 0xdb: return (i++, str(take(4).readUInt32BE(0)));
      case 0xdc: return (i++, array(take(2).readUInt16BE(0)));
      case 0xdd: return (i++, array(take(4).readUInt32BE(0)));
      case 0xde: return (i++, map(take(2).readUInt16BE(0)));
      case 0xdf: return (i++, map(take(4).readUInt32BE(0)));
      default: throw new Error(`invalid MessagePack byte 0x${b.toString(16)}`);
    }
  }
  const result = value();
  if (i !== buf.length) throw new Error("trailing bytes after MessagePack value");
  return result;
}

function header(n, small, fix, codes) {
  if (small !== null && n <= small) return Buffer.from([fix | n]);
  if (n <= 0xff && codes[0] !== null) return Buffer.from([codes[0], n]);
  if (n <= 0xffff) {
    const b = Buffer.alloc(3);
    b[0] = codes[1];
    b.writeUInt16BE(n, 1);
    return b;
  }
  const b = Buffer.alloc(5);
  b[0] = codes[2];
  b.writeUInt32BE(n, 1);
  return b;
}

export function encode(value) {
  const out = [];
  const walk = (v) => {
    if (v === null || v === undefined) return out.push(Buffer.from([0xc0]));
    if (v === false) return out.push(Buffer.from([0xc2]));
    if (v === true) return out.push(Buffer.from([0xc3]));
    if (v instanceof Extension) return out.push(v.bytes);
    if (Buffer.isBuffer(v)) return out.push(header(v.length, null, 0, [0xc4, 0xc5, 0xc6]), v);
    if (typeof v === "string") {
      const bytes = Buffer.from(v, "utf8");
      return out.push(header(bytes.length, 31, 0xa0, [0xd9, 0xda, 0xdb]), bytes);
    }
    if (typeof v === "number") {
      if (Number.isInteger(v) && Number.isSafeInteger(v)) {
        if (v >= 0 && v <= 0x7f) return out.push(Buffer.from([v]));
        if (v < 0 && v >= -32) return out.push(Buffer.from([v + 0x100]));
        const b = Buffer.alloc(9);
        b[0] = 0xd3;
        b.writeBigInt64BE(BigInt(v), 1);
        return out.push(b);
      }
      const b = Buffer.alloc(9);
      b[0] = 0xcb;
      b.writeDoubleBE(v, 1);
      return out.push(b);
    }
    if (Array.isArray(v)) {
      out.push(header(v.length, 15, 0x90, [null, 0xdc, 0xdd]));
      return v.forEach(walk);
    }
    const keys = Object.keys(v);
    out.push(header(keys.length, 15, 0x80, [null, 0xde, 0xdf]));
    for (const key of keys) {
      walk(key);
      walk(v[key]);
    }
  };
  walk(value);
  return Buffer.concat(out);
}

// ---------------------------------------------------------------------------------------------
// The values

// A stable stand-in for an id AWS generates (an HTTP API's, say): the same configuration gives
// the same id on every run.
function generatedId(typeName, state, length = 10) {
  return createHash("sha256").update(typeName).update(JSON.stringify(state, (_, v) => (v instanceof Extension ? null : Buffer.isBuffer(v) ? v.toString("hex") : v))).digest("hex").slice(0, length);
}

function nameOf(state) {
  for (const key of ["name", "function_name", "bucket", "alarm_name", "dashboard_name", "role"]) {
    if (typeof state[key] === "string" && state[key] !== "") return state[key];
  }
  return null;
}

// What AWS would return for the computed attributes of each type, from the planned state `s`.
// Types not listed get an `id` (their name, or a generated id) and a generic ARN.
function known(typeName, s, { region: r, account: a }) {
  const name = nameOf(s);
  switch (typeName) {
    case "aws_iam_role":
      return { arn: `arn:aws:iam::${a}:role${s.path ?? "/"}${s.name}`, id: s.name, unique_id: `AROA${generatedId(typeName, s, 16).toUpperCase()}`, create_date: "2026-01-01T00:00:00Z" };
    case "aws_iam_policy":
      return { arn: `arn:aws:iam::${a}:policy${s.path ?? "/"}${s.name}`, id: `arn:aws:iam::${a}:policy${s.path ?? "/"}${s.name}`, policy_id: `ANPA${generatedId(typeName, s, 16).toUpperCase()}` };
    case "aws_iam_role_policy":
      return { id: `${s.role}:${s.name}` };
    case "aws_iam_openid_connect_provider":
      return { arn: `arn:aws:iam::${a}:oidc-provider/${String(s.url).replace(/^https:\/\//, "")}` };
    case "aws_s3_bucket":
      return { arn: `arn:aws:s3:::${s.bucket}`, id: s.bucket, bucket_domain_name: `${s.bucket}.s3.amazonaws.com` };
    case "aws_dynamodb_table":
      return { arn: `arn:aws:dynamodb:${r}:${a}:table/${s.name}`, id: s.name, stream_arn: `arn:aws:dynamodb:${r}:${a}:table/${s.name}/stream/2026-01-01T00:00:00.000`, stream_label: "2026-01-01T00:00:00.000" };
    case "aws_cloudwatch_log_group":
      return { arn: `arn:aws:logs:${r}:${a}:log-group:${s.name}`, id: s.name };
    case "aws_lambda_function": {
      const arn = `arn:aws:lambda:${r}:${a}:function:${s.function_name}`;
      return { arn, id: s.function_name, version: "1", qualified_arn: `${arn}:1`, invoke_arn: `arn:aws:apigateway:${r}:lambda:path/2015-03-31/functions/${arn}/invocations`, qualified_invoke_arn: `arn:aws:apigateway:${r}:lambda:path/2015-03-31/functions/${arn}:1/invocations` };
    }
    case "aws_lambda_alias": {
      const arn = `arn:aws:lambda:${r}:${a}:function:${s.function_name}:${s.name}`;
      return { arn, id: arn, invoke_arn: `arn:aws:apigateway:${r}:lambda:path/2015-03-31/functions/${arn}/invocations` };
    }
    case "aws_apigatewayv2_api": {
      const id = generatedId(typeName, s);
      return { id, arn: `arn:aws:apigateway:${r}::/apis/${id}`, api_endpoint: `https://${id}.execute-api.${r}.amazonaws.com`, execution_arn: `arn:aws:execute-api:${r}:${a}:${id}` };
    }
    case "aws_sns_topic":
      return { arn: `arn:aws:sns:${r}:${a}:${s.name}`, id: `arn:aws:sns:${r}:${a}:${s.name}` };
    case "aws_cloudwatch_metric_alarm":
      return { arn: `arn:aws:cloudwatch:${r}:${a}:alarm:${s.alarm_name}`, id: s.alarm_name };
    case "aws_cloudwatch_dashboard":
      return { dashboard_arn: `arn:aws:cloudwatch::${a}:dashboard/${s.dashboard_name}`, id: s.dashboard_name };
    default: {
      const id = name ?? generatedId(typeName, s);
      return { id, arn: `arn:aws:${typeName.split("_")[1]}:${r}:${a}:${typeName.replace(/^aws_/, "")}/${id}` };
    }
  }
}

// Fills the computed top-level attributes that are still null in a planned new state (`state`,
// decoded) with what AWS would return. Attributes the configuration set, or that an earlier
// apply filled (they come back in the proposed state), are left alone; so are nested blocks.
export function fillComputed(typeName, state, block, settings) {
  if (state === null || typeof state !== "object" || Array.isArray(state)) return state;
  const values = known(typeName, state, settings);
  const filled = { ...state };
  for (const [name, attribute] of Object.entries(block.attributes ?? {})) {
    if (!attribute.computed || filled[name] !== null || values[name] === undefined) continue;
    filled[name] = values[name];
  }
  return filled;
}

// A data source as AWS would answer it; only aws_region is used by this project.
export function readData(typeName, state, block, settings) {
  if (typeName !== "aws_region" || state === null || typeof state !== "object") return state;
  const region = state.region ?? settings.region;
  const filled = { ...state };
  for (const name of ["region", "name", "id"]) {
    if (block.attributes?.[name] && filled[name] === null) filled[name] = region;
  }
  return filled;
}
