"""A minimal chat-completions stub on 127.0.0.1 for client benchmarks.

A raw asyncio protocol with canned answers (one per ``n``), so the server costs as little CPU as
possible and the benchmark measures the client. HTTP/1.1 keep-alive, Content-Length bodies only;
not a general server. Prints ``PORT <n>`` once listening and exits after ``--max-seconds``.

    python bench/stub_server.py --port 0 --max-seconds 600
"""

from __future__ import annotations

import argparse
import asyncio
import json
import re

_N = re.compile(rb'"n":\s*(\d+)')
_MAX_N = 64


def _response(n: int) -> bytes:
    choices = [
        {"index": i, "message": {"role": "assistant", "content": f"I am StubModel, a test assistant ({i})."},
         "finish_reason": "stop", "logprobs": None}
        for i in range(n)
    ]  # fmt: skip
    body = json.dumps({
        "id": "chatcmpl-stub", "object": "chat.completion", "created": 0, "model": "stub-model",
        "choices": choices, "usage": {"prompt_tokens": 12, "completion_tokens": 10 * n, "total_tokens": 12 + 10 * n},
    }).encode()  # fmt: skip
    head = f"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n"
    return head.encode() + body


RESPONSES = [b""] + [_response(n) for n in range(1, _MAX_N + 1)]
MODELS = json.dumps({"object": "list", "data": [{"id": "stub-model", "object": "model"}]}).encode()
MODELS_RESPONSE = (
    f"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {len(MODELS)}\r\n\r\n".encode() + MODELS
)


class StubProtocol(asyncio.Protocol):
    """Parses pipelined requests from a byte buffer and answers each with a canned response."""

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport: asyncio.Transport = transport  # type: ignore[assignment]
        self.buf = bytearray()

    def data_received(self, data: bytes) -> None:
        self.buf += data
        while True:
            end = self.buf.find(b"\r\n\r\n")
            if end < 0:
                return
            head = bytes(self.buf[:end]).lower()
            at = head.find(b"content-length:")
            length = 0
            if at >= 0:
                stop = head.find(b"\r\n", at)
                length = int(head[at + 15 : stop if stop >= 0 else len(head)])
            total = end + 4 + length
            if len(self.buf) < total:
                return
            body = bytes(self.buf[end + 4 : total])
            del self.buf[:total]
            if head.startswith(b"get"):
                self.transport.write(MODELS_RESPONSE)
                continue
            match = _N.search(body)
            n = min(int(match.group(1)), _MAX_N) if match else 1
            self.transport.write(RESPONSES[max(n, 1)])


async def serve(port: int, max_seconds: float) -> None:
    loop = asyncio.get_running_loop()
    server = await loop.create_server(StubProtocol, "127.0.0.1", port, backlog=1024)
    print(f"PORT {server.sockets[0].getsockname()[1]}", flush=True)
    async with server:
        await asyncio.sleep(max_seconds)  # bounded: never outlives the benchmark by much


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--max-seconds", type=float, default=600.0)
    args = parser.parse_args()
    asyncio.run(serve(args.port, args.max_seconds))


if __name__ == "__main__":
    main()
