"""A small TCP proxy on 127.0.0.1 that can swallow the answer to a request after the server handled it.

One request per connection (it asks the server to close after answering), so the answer to drop is
easy to find: the server has applied the request and replied, the client sees its connection cut.
"""

from __future__ import annotations

import socket
import threading


class DropAnswerProxy:
    def __init__(self, upstream_port: int) -> None:
        self.upstream_port = upstream_port
        self.drop_next: set[str] = set()   # path prefixes whose next answer is swallowed
        self.dropped: list[str] = []
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def close(self) -> None:
        self.listener.close()

    def _serve(self) -> None:
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            threading.Thread(target=self._handle, args=(client,), daemon=True).start()

    def _handle(self, client: socket.socket) -> None:
        with client:
            request = _read_request(client)
            if request is None:
                return
            path = request.split(b" ", 2)[1].decode("ascii", "replace")
            with socket.create_connection(("127.0.0.1", self.upstream_port), timeout=30) as upstream:
                upstream.sendall(request)
                answer = _read_all(upstream)
            prefix = next((p for p in self.drop_next if path.startswith(p)), None)
            if prefix is not None:
                self.drop_next.discard(prefix)
                self.dropped.append(path)
                return  # the server applied it; the client never hears back
            client.sendall(answer)


def _read_request(sock: socket.socket) -> bytes | None:
    data = b""
    while b"\r\n\r\n" not in data:
        piece = sock.recv(65536)
        if not piece:
            return None
        data += piece
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.split(b"\r\n")
    length = 0
    kept = [lines[0]]
    for line in lines[1:]:
        name = line.split(b":", 1)[0].strip().lower()
        if name == b"content-length":
            length = int(line.split(b":", 1)[1])
        if name not in (b"connection", b"keep-alive"):
            kept.append(line)
    kept.append(b"Connection: close")
    while len(body) < length:
        piece = sock.recv(65536)
        if not piece:
            return None
        body += piece
    return b"\r\n".join(kept) + b"\r\n\r\n" + body


def _read_all(sock: socket.socket) -> bytes:
    chunks = []
    while piece := sock.recv(65536):
        chunks.append(piece)
    return b"".join(chunks)
