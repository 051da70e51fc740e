# A stand-in Lambda function for the emulator's tests: a Runtime API (2018-06-01) client loop written
# independently of the product's .NET client. What it does with an invocation is chosen by the HTTP
# request's query string (?action=...), or a raw event's "queryStringParameters"; at start-up by FAKE_INIT.
import http.client
import json
import os
import sys
import time

API = os.environ["AWS_LAMBDA_RUNTIME_API"]
HOST, PORT = API.rsplit(":", 1)
# No timeout: next blocks until the emulator has an invocation, however long that takes.
connection = http.client.HTTPConnection(HOST, int(PORT))


def call(method, path, body=None, headers=None):
    connection.request(method, "/2018-06-01" + path, body=body, headers=headers or {})
    response = connection.getresponse()
    return response.status, response, response.read()


def post_json(path, payload, headers=None):
    body = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
    status, _, _ = call("POST", path, body, dict({"Content-Type": "application/json"}, **(headers or {})))
    return status


def wait_for_file(path, seconds=60):
    deadline = time.time() + seconds
    while not os.path.exists(path) and time.time() < deadline:
        time.sleep(0.02)


def init():
    print(f"fake function starting as pid {os.getpid()}", flush=True)
    print("fake function stderr line", file=sys.stderr, flush=True)
    mode = os.environ.get("FAKE_INIT", "")
    if mode.startswith("error"):
        post_json("/runtime/init/error", {"errorMessage": "TABLE_NAME is not set", "errorType": "InitError"},
                  {"Lambda-Runtime-Function-Error-Type": "Runtime.InitError"})
        if mode == "error-then-hang":
            time.sleep(3600)
        sys.exit(1)
    if mode == "exit":
        sys.exit(5)


def handle(request_id, headers, event):
    # Raw invocations may carry any JSON, not only an HTTP API event: anything else is simply echoed.
    query = (event.get("queryStringParameters") if isinstance(event, dict) else None) or {}
    action = query.get("action", "echo")
    path = f"/runtime/invocation/{request_id}"
    if action == "crash":
        print("crashing on purpose", flush=True)
        os._exit(int(query.get("code", "3")))
    if action == "sleep":
        time.sleep(float(query["seconds"]))
    if action == "hold":
        open(os.path.join(query["dir"], f"started-{os.getpid()}"), "w").close()
        wait_for_file(os.path.join(query["dir"], "release"))
    if action == "error":
        return post_json(path + "/error", {"errorMessage": "boom", "errorType": "Custom.Failure", "stackTrace": []},
                         {"Lambda-Runtime-Function-Error-Type": "Custom.Failure"})
    if action == "big":
        status = post_json(path + "/response", b"x" * int(query["bytes"]))
        print(f"big response answered {status}", flush=True)
        if status == 413:
            return post_json(path + "/error", {"errorMessage": "too large", "errorType": "Function.ResponseSizeTooLarge"},
                             {"Lambda-Runtime-Function-Error-Type": "Function.ResponseSizeTooLarge"})
        return status
    if action == "raw":
        return post_json(path + "/response", query["body"].encode())
    if action == "noanswer":
        return 202
    body = {
        "pid": os.getpid(),
        "event": event,
        "runtime": {name: headers.getheader(name) for name in (
            "Lambda-Runtime-Aws-Request-Id", "Lambda-Runtime-Deadline-Ms",
            "Lambda-Runtime-Invoked-Function-Arn", "Lambda-Runtime-Trace-Id")},
        "env": dict(os.environ),
        "cwd": os.getcwd(),
    }
    return post_json(path + "/response", {
        "statusCode": 200,
        "headers": {"content-type": "application/json", "x-fake": "yes"},
        "cookies": ["session=abc; Path=/", "theme=dark"],
        "body": json.dumps(body),
    })


def main():
    init()
    while True:
        status, headers, body = call("GET", "/runtime/invocation/next")
        if status != 200:
            print(f"next answered {status}; exiting", file=sys.stderr, flush=True)
            sys.exit(2)
        request_id = headers.getheader("Lambda-Runtime-Aws-Request-Id")
        answered = handle(request_id, headers, json.loads(body))
        if answered != 202:
            print(f"posting the answer for {request_id} got {answered}", file=sys.stderr, flush=True)


try:
    main()
except (ConnectionError, http.client.HTTPException) as error:
    print(f"Runtime API connection failed: {error!r}; exiting", file=sys.stderr, flush=True)
    sys.exit(2)
