// The Lambda Runtime API loop with fetch. The bench starts each function as a process of its own
// against its Runtime API, the way it starts a native bootstrap, so a bundle carries this small
// loop instead of AWS's runtime interface client.
const NOT_A_LAMBDA = "AWS_LAMBDA_RUNTIME_API is not set: this is a Lambda function, started by ./build.sh bench";

/** Runs init (which returns the handler), then serves invocations until the Runtime API says stop. */
export async function serve(init, env = process.env) {
  if (!env.AWS_LAMBDA_RUNTIME_API) throw new Error(NOT_A_LAMBDA);
  const api = `http://${env.AWS_LAMBDA_RUNTIME_API}/2018-06-01/runtime`;
  let handler;
  try {
    handler = await init();
  } catch (error) {
    await postError(`${api}/init/error`, error, "Runtime.InitError");
    process.exitCode = 1;
    return;
  }

  for (;;) {
    const next = await nextInvocation(api);
    if (!next.ok) {
      // 500 is a non-recoverable container error, 403 a call out of turn: either way, stop.
      console.error(`runtime API answered next with ${next.status}: exiting`);
      process.exitCode = 1;
      return;
    }

    const requestId = next.headers.get("lambda-runtime-aws-request-id");
    process.env._X_AMZN_TRACE_ID = next.headers.get("lambda-runtime-trace-id") ?? "";
    const context = { requestId, functionName: env.AWS_LAMBDA_FUNCTION_NAME };
    let result;
    try {
      result = await handler(await next.json(), context);
    } catch (error) {
      await postError(`${api}/invocation/${requestId}/error`, error, "Runtime.UnhandledError");
      continue;
    }

    await post(`${api}/invocation/${requestId}/response`, JSON.stringify(result), { "content-type": "application/json" });
  }
}

// fetch (undici) gives up on headers after 300 s; a `next` may legitimately wait longer, so ask again.
async function nextInvocation(api) {
  for (;;) {
    try {
      return await fetch(`${api}/invocation/next`);
    } catch (error) {
      if (error?.cause?.code !== "UND_ERR_HEADERS_TIMEOUT") throw error;
    }
  }
}

async function postError(url, error, fallbackType) {
  const errorType = error?.name && error.name !== "Error" ? error.name : fallbackType;
  console.error(error);
  const body = { errorMessage: String(error?.message ?? error), errorType, stackTrace: String(error?.stack ?? "").split("\n").slice(1).map((line) => line.trim()) };
  await post(url, JSON.stringify(body), {
    "content-type": "application/vnd.aws.lambda.error+json",
    "lambda-runtime-function-error-type": errorType,
  });
}

async function post(url, body, headers) {
  const response = await fetch(url, { method: "POST", body, headers });
  await response.arrayBuffer();
  if (response.status !== 202) console.error(`runtime API answered ${url} with ${response.status}`);
}
