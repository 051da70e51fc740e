// What the five functions share, written as a Node.js user of the AWS SDK v3 would: one client per
// process, items read through util-dynamodb, HTTP API 2.0 responses. The DynamoDB requests are the
// store's own (lib/replay.mjs); request checks are the product's in short, without If-Match,
// If-None-Match or a status in the body, which the bench's requests do not use.
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { unmarshall } from "@aws-sdk/util-dynamodb";

const CODE = /^[A-Z0-9][A-Z0-9_-]{2,31}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The client and table. Region, credentials and endpoint (AWS_ENDPOINT_URL_DYNAMODB) come from the environment through the SDK itself. */
export function store(env = process.env) {
  if (!env.TABLE_NAME) throw new Error("TABLE_NAME is not set");
  return { client: new DynamoDBClient({}), table: env.TABLE_NAME };
}

export const key = (code) => ({ PK: { S: `CAMPAIGN#${code}` }, SK: { S: "METADATA" } });

/** A stored item as served: without its keys and without the writer's sub, which is kept for audit only. */
export function toCampaign(item) {
  const { PK, SK, GSI1_PK, GSI1_SK, expiresAt, lastUpdatedBy, ...campaign } = unmarshall(item);
  return campaign;
}

export function json(statusCode, body, headers = {}) {
  return { statusCode, headers: { "content-type": "application/json", "x-content-type-options": "nosniff", ...headers }, body: JSON.stringify(body) };
}

export const campaignResponse = (statusCode, campaign, headers = {}) => json(statusCode, campaign, { etag: `"${campaign.version}"`, ...headers });

export function problem(status, slug, title, detail, errors) {
  const response = json(status, { type: `/problems/${slug}`, title, status, detail, ...(errors ? { errors } : {}) });
  response.headers["content-type"] = "application/problem+json";
  return response;
}

export const notFound = (code) => problem(404, "not-found", "Not found", `Campaign '${code}' does not exist.`);

export const now = () => new Date().toISOString();

export const pathCode = (event) => String(event.pathParameters?.code ?? "").trim().toUpperCase();

/** The writer's sub, if the authorizer vouched for one holding WRITE_SCOPE (when set); else the 401 or 403 refusing it. */
export function writer(event, scope = process.env.WRITE_SCOPE) {
  const jwt = event.requestContext?.authorizer?.jwt;
  const sub = jwt?.claims?.sub;
  if (typeof sub !== "string" || !sub.trim()) {
    return { refusal: refusal(problem(401, "unauthorized", "Unauthorized", "Writing needs a bearer token that identifies its caller."), "Bearer") };
  }
  if (scope && !(Array.isArray(jwt.scopes) && jwt.scopes.includes(scope))) {
    return { refusal: refusal(problem(403, "forbidden", "Forbidden", `Writing needs a token with the scope '${scope}'.`), `Bearer error="insufficient_scope", scope="${scope}"`) };
  }
  return { sub };
}

function refusal(response, challenge) {
  response.headers["www-authenticate"] = challenge;
  return response;
}

/** The campaign fields of a create or update body, or the 400 that rejects it. */
export function readDraft(event, codeInPath) {
  let body;
  try {
    const text = event.isBase64Encoded ? Buffer.from(event.body ?? "", "base64").toString("utf8") : event.body;
    body = JSON.parse(text ?? "");
  } catch {
    return { rejection: problem(400, "invalid-body", "Invalid body", "The body is not valid JSON.") };
  }

  const code = String(body?.code ?? codeInPath ?? "").trim().toUpperCase();
  const errors = {};
  if (!CODE.test(code) || (codeInPath && code !== codeInPath)) errors.code = ["must be 3 to 32 characters of A-Z, 0-9, '_' or '-' (and match the path)"];
  if (typeof body?.description !== "string" || !body.description.trim()) errors.description = ["is required"];
  if (typeof body?.discountPercentage !== "number" || !(body.discountPercentage > 0 && body.discountPercentage <= 100)) errors.discountPercentage = ["must be a number above 0 and at most 100"];
  if (!UUID.test(body?.productId ?? "")) errors.productId = ["must be a UUID"];
  if (!String(body?.termsConditionsLink ?? "").startsWith("https://")) errors.termsConditionsLink = ["must be an https link"];
  if (!DATE.test(body?.fromDate ?? "") || !DATE.test(body?.toDate ?? "") || body.toDate < body.fromDate) errors.toDate = ["fromDate and toDate must be dates, toDate not before fromDate"];
  if (Object.keys(errors).length > 0) {
    return { rejection: problem(400, "validation-error", "Validation failed", "One or more fields are invalid.", errors) };
  }

  const { description, discountPercentage, productId, termsConditionsLink, fromDate, toDate } = body;
  return { draft: { code, description, discountPercentage, productId: productId.toLowerCase(), termsConditionsLink, fromDate, toDate } };
}
